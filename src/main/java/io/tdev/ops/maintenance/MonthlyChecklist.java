package io.tdev.ops.maintenance;

import io.tdev.ops.api.maintenance.MaintenanceResult.ChecklistItem;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbook's monthly checklist (patches, backup integrity, performance review, cost review, docs, training):
 * an item is checked when a task that ran this time shows it done, with that task's summary as evidence; the rest
 * are left for a person, saying what to do.
 */
final class MonthlyChecklist {
    private MonthlyChecklist() {
    }

    static List<ChecklistItem> of(List<TaskResult> results) {
        List<ChecklistItem> items = new ArrayList<>();
        items.add(fromTask("patches", task(results, "image-scan"), "run the image-scan task; patch images with findings"));
        items.add(fromTask("backup-integrity", task(results, "backup-integrity"), "run the backup-integrity task"));
        items.add(new ChecklistItem("performance-review", false, "review `tdev-ops weekly-report` of the month's weeks"));
        Optional<TaskResult> stale = task(results, "stale-objects");
        Optional<TaskResult> logs = task(results, "log-retention");
        boolean costDone = stale.isPresent() && logs.isPresent() && done(stale.get()) && done(logs.get());
        items.add(new ChecklistItem("cost-review", costDone, stale.isEmpty() || logs.isEmpty()
                ? "run the stale-objects and log-retention tasks"
                : stale.get().summary() + "; " + logs.get().summary()));
        items.add(new ChecklistItem("docs", false, "update the runbook and docs with this month's changes"));
        items.add(new ChecklistItem("training", false, "schedule the on-call training"));
        return items;
    }

    private static ChecklistItem fromTask(String item, Optional<TaskResult> task, String otherwise) {
        return task.map(t -> new ChecklistItem(item, done(t), t.status() + ": " + t.summary()))
                .orElse(new ChecklistItem(item, false, otherwise));
    }

    /** Done: nothing left for a person (OK or CHANGED); PLANNED is a dry run, FINDINGS and FAILED need work. */
    private static boolean done(TaskResult t) {
        return t.status() == TaskStatus.OK || t.status() == TaskStatus.CHANGED;
    }

    private static Optional<TaskResult> task(List<TaskResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
