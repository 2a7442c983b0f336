package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult;
import io.tdev.ops.api.maintenance.MaintenanceUseCase;
import io.tdev.ops.model.RemoteFailureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "maintenance", mixinStandardHelpOptions = true,
        header = "The monthly maintenance: log retention, image scans, stale objects, old revisions, backup integrity.",
        description = {"Tasks: log-retention (every log group containing the service prefix gets --retention-days),"
                + " image-scan (findings of the newest images, a scan started where none exists), stale-objects"
                + " (objects older than --stale-days: count, size, by prefix; never deletes; proposes a lifecycle rule,"
                + " created only with --apply-lifecycle), task-definitions (ACTIVE revisions beyond the newest"
                + " --keep-revisions, never the current, in-use or last known-good one, are deregistered),"
                + " backup-integrity (the newest backup is AVAILABLE, fresh and plausible in size).",
                "Every task plans first; --dry-run returns the plan and changes nothing. Prints the monthly checklist."},
        footer = {"",
                "Exit: 0 every task OK, CHANGED, PLANNED or SKIPPED; 1 a task has FINDINGS or FAILED; 2 invalid input;"
                        + " 3 remote failure.",
                "JSON: {ok, passed, dryRun, tasks[{name, status, summary, findings[], actions[]}],"
                        + " checklist[{item, checked, evidence}], markdown}",
                "",
                "Examples:",
                "  tdev-ops maintenance --simulate --dry-run",
                "  tdev-ops maintenance --simulate --scenario needs-maintenance --output markdown",
                "  tdev-ops maintenance --simulate --tasks log-retention,task-definitions --keep-revisions 5"})
public final class MaintenanceCommand extends OutcomeCommand<MaintenanceResult> {
    @Option(names = "--tasks", paramLabel = "TASK", split = ",",
            description = "Tasks to run (comma-separated; default all): log-retention, image-scan, stale-objects,"
                    + " task-definitions, backup-integrity.")
    List<String> tasks;

    @Option(names = "--dry-run", description = "Plan only: change nothing, say what a real run would do.")
    boolean dryRun;

    @Option(names = "--retention-days", paramLabel = "N",
            description = "Log retention to set (default: the config's schedule.maintenance.retentionDays, 30).")
    Integer retentionDays;

    @Option(names = "--stale-days", paramLabel = "N",
            description = "Objects older than N days are stale (default: schedule.maintenance.staleDays, 7).")
    Integer staleDays;

    @Option(names = "--keep-revisions", paramLabel = "N",
            description = "ACTIVE task-definition revisions to keep (default: schedule.maintenance.keepRevisions).")
    Integer keepRevisions;

    @Option(names = "--apply-lifecycle", description = "Create the proposed S3 lifecycle rule (not with --dry-run).")
    boolean applyLifecycle;

    @Override
    protected MaintenanceResult run(OpsContext context) {
        MaintenanceRequest request = new MaintenanceRequest(tasks, dryRun, retentionDays, staleDays, keepRevisions,
                applyLifecycle);
        try {
            return MaintenanceUseCase.over(context).run(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException("maintenance", "interrupted while waiting; tasks reported before this"
                    + " are done: run the command again to continue", false, e);
        }
    }

    @Override
    protected String warning(MaintenanceResult result) {
        var open = result.tasks().stream().filter(t -> t.status() == MaintenanceResult.TaskStatus.FINDINGS
                || t.status() == MaintenanceResult.TaskStatus.FAILED).map(t -> t.name() + " " + t.status()).toList();
        return open.isEmpty() ? null : "tasks that need a person: " + String.join(", ", open);
    }
}
