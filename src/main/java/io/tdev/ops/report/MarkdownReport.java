package io.tdev.ops.report;

import io.tdev.ops.model.Action;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.MessagePatterns;

import java.util.List;

/** Markdown of results: tables for signals, checklist items and actions (pull requests, Jenkins summaries, chat). */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String health(HealthResult h) {
        StringBuilder b = new StringBuilder();
        b.append("## Health of ").append(cell(h.environment())).append(": **").append(h.status()).append("**\n\n");
        b.append("Service `").append(h.service()).append("`, checked at ").append(h.checkedAt());
        if (h.baselineTime() != null) {
            b.append(", baseline ").append(h.baselineTime());
        }
        b.append("\n\n");
        for (String n : h.notes()) {
            b.append("> Note: ").append(n).append("\n\n");
        }
        if (!h.reasons().isEmpty()) {
            for (String r : h.reasons()) {
                b.append("- ").append(r).append('\n');
            }
            b.append('\n');
        }
        b.append("| Signal | Status | Value | Threshold | Evidence |\n|---|---|---|---|---|\n");
        for (HealthSignal s : h.signals()) {
            b.append("| ").append(cell(s.name())).append(" | ").append(s.status()).append(" | ").append(cell(s.value()))
                    .append(" | ").append(cell(s.threshold())).append(" | ").append(cell(s.evidence())).append(" |\n");
        }
        if (!h.topPatterns().isEmpty()) {
            b.append("\n| Count | ERROR pattern |\n|---:|---|\n");
            for (MessagePatterns.Count c : h.topPatterns()) {
                b.append("| ").append(c.count()).append(" | ").append(code(c.pattern())).append(" |\n");
            }
        }
        return b.toString();
    }

    public static String checklist(ChecklistResult c) {
        StringBuilder b = new StringBuilder();
        b.append("## Pre-deploy checklist of ").append(cell(c.environment())).append(": **")
                .append(c.wouldPass() == null ? (c.passed() ? "PASSED" : "FAILED")
                        : (c.wouldPass() ? "WOULD PASS" : "WOULD FAIL") + " (dry run)").append("**\n\n");
        if (c.image() != null) {
            b.append("Image `").append(c.image().replace("`", "")).append("`, ");
        }
        b.append("checked at ").append(c.checkedAt()).append("\n\n");
        b.append("| Item | Status | Evidence |\n|---|---|---|\n");
        for (ChecklistItem i : c.items()) {
            b.append("| ").append(cell(i.title())).append(" (`").append(i.name()).append("`) | ").append(i.status())
                    .append(" | ").append(cell(i.evidence())).append(" |\n");
        }
        actions(b, c.actions());
        return b.toString();
    }

    private static void actions(StringBuilder b, List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        b.append("\n| At | Action | Target | Before | After | Dry run |\n|---|---|---|---|---|---|\n");
        for (Action a : actions) {
            b.append("| ").append(a.at()).append(" | ").append(cell(a.what())).append(" | ").append(cell(a.target()))
                    .append(" | ").append(cell(a.before())).append(" | ").append(cell(a.after())).append(" | ")
                    .append(a.dryRun() ? "yes" : "no").append(" |\n");
        }
    }

    /** A table cell: pipes escaped, line breaks flattened. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }

    private static String code(String s) {
        return "`" + cell(s).replace("`", "'") + "`";
    }
}
