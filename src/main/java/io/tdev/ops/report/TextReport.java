package io.tdev.ops.report;

import io.tdev.ops.model.Action;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.MessagePatterns;
import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;

import java.util.List;
import java.util.Map;

/** Plain text of results for terminals and build logs. */
public final class TextReport {
    private TextReport() {
    }

    /** A health check or checklist in its own layout; any other result as its plain values. */
    public static String render(Outcome result) {
        StringBuilder b = new StringBuilder();
        if (result instanceof HealthResult h) {
            b.append(h.environment()).append(' ').append(h.service()).append(": ").append(h.status()).append('\n');
            for (String r : h.reasons()) {
                b.append("  - ").append(r).append('\n');
            }
            for (String n : h.notes()) {
                b.append("  note: ").append(n).append('\n');
            }
            int width = h.signals().stream().mapToInt(s -> s.name().length()).max().orElse(10);
            for (HealthSignal s : h.signals()) {
                b.append(String.format("  %-" + width + "s  %-9s  %s", s.name(), s.status(), s.value()));
                b.append("  [threshold: ").append(s.threshold()).append("]\n");
                b.append("  ").append(" ".repeat(width)).append("             ").append(s.evidence()).append('\n');
            }
            if (!h.topPatterns().isEmpty()) {
                b.append("  top ERROR patterns:\n");
                for (MessagePatterns.Count c : h.topPatterns()) {
                    b.append(String.format("  %6d  %s%n", c.count(), c.pattern()));
                }
            }
        } else if (result instanceof ChecklistResult c) {
            b.append("pre-deploy checklist of ").append(c.environment()).append(": ")
                    .append(c.passed() ? "PASSED" : "FAILED").append('\n');
            for (ChecklistItem i : c.items()) {
                b.append(String.format("  %-8s %-14s %s%n", i.status(), i.name(), i.evidence()));
            }
        } else {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) PlainValues.of(result)).entrySet()) {
                if (e.getValue() == null || e.getKey().equals("actions") || e.getValue() instanceof Map) {
                    continue;
                }
                b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        if (result instanceof HealthResult h) {
            actions(b, h.actions());
        } else if (result instanceof ChecklistResult c) {
            actions(b, c.actions());
        }
        return b.toString();
    }

    private static void actions(StringBuilder b, List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        b.append("  actions:\n");
        for (Action a : actions) {
            b.append("    ").append(a.at()).append(a.dryRun() ? " (dry run) " : " ").append(a.what()).append(' ')
                    .append(a.target()).append(": ").append(a.before() == null ? "-" : a.before()).append(" -> ")
                    .append(a.after()).append('\n');
        }
    }
}
