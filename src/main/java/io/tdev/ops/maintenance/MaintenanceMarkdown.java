package io.tdev.ops.maintenance;

import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.ChecklistItem;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.model.Action;

import java.util.List;

/** The maintenance report: a task table, the changes (audit trail), findings, and the monthly checklist. */
final class MaintenanceMarkdown {
    private MaintenanceMarkdown() {
    }

    static String render(MaintenanceRequest request, List<TaskResult> results, List<ChecklistItem> checklist) {
        StringBuilder md = new StringBuilder("## Monthly maintenance").append(request.dryRun() ? " (dry run)" : "")
                .append("\n\n| task | status | summary |\n|---|---|---|\n");
        for (TaskResult r : results) {
            md.append("| ").append(r.name()).append(" | ").append(r.status()).append(" | ").append(cell(r.summary()))
                    .append(" |\n");
        }
        List<Action> actions = results.stream().flatMap(r -> r.actions().stream()).toList();
        if (!actions.isEmpty()) {
            md.append("\n### ").append(request.dryRun() ? "Planned changes" : "Changes").append("\n\n")
                    .append("| what | target | before | after | at |\n|---|---|---|---|---|\n");
            for (Action a : actions) {
                md.append("| ").append(a.what()).append(" | ").append(cell(a.target())).append(" | ").append(cell(a.before()))
                        .append(" | ").append(cell(a.after())).append(" | ").append(a.at()).append(" |\n");
            }
        }
        for (TaskResult r : results) {
            if (!r.findings().isEmpty()) {
                md.append("\n### ").append(r.name()).append("\n\n");
                r.findings().forEach(f -> md.append("- ").append(f).append('\n'));
            }
        }
        md.append("\n### Monthly checklist\n\n");
        for (ChecklistItem item : checklist) {
            md.append("- [").append(item.checked() ? 'x' : ' ').append("] ").append(item.item()).append(": ")
                    .append(item.evidence()).append('\n');
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
