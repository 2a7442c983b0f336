package io.tdev.ops.api.maintenance;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which maintenance tasks to run and how. Numbers left null take the environment's {@code schedule.maintenance}
 * values ({@link #withDefaults}). Validated here, before anything is read or changed.
 *
 * @param tasks          task names in the order given; empty = all, in {@link #TASKS} order
 * @param dryRun         plan only: nothing is changed, every task says what it would do
 * @param retentionDays  log retention to set (one of CloudWatch Logs' allowed values)
 * @param staleDays      objects older than this many days are stale
 * @param keepRevisions  ACTIVE task-definition revisions to keep, newest first
 * @param applyLifecycle create the proposed S3 lifecycle rule (never without this, and not in a dry run)
 */
public record MaintenanceRequest(List<String> tasks, boolean dryRun, Integer retentionDays, Integer staleDays,
                                 Integer keepRevisions, boolean applyLifecycle) {
    public static final List<String> TASKS = List.of("log-retention", "image-scan", "stale-objects",
            "task-definitions", "backup-integrity");

    public MaintenanceRequest {
        tasks = tasks == null ? List.of() : List.copyOf(new LinkedHashSet<>(tasks));
        for (String task : tasks) {
            if (!TASKS.contains(task)) {
                throw InvalidInputException.notAllowed("tasks", task, TASKS);
            }
        }
        if (retentionDays != null && !EnvironmentConfig.MaintenanceSettings.LOG_RETENTION_DAYS.contains(retentionDays)) {
            throw new InvalidInputException("retentionDays", "got " + retentionDays + "; allowed "
                    + EnvironmentConfig.MaintenanceSettings.LOG_RETENTION_DAYS + " (CloudWatch Logs' retention values)");
        }
        if (staleDays != null && (staleDays < 1 || staleDays > 3650)) {
            throw new InvalidInputException("staleDays", "got " + staleDays + "; allowed 1..3650");
        }
        if (keepRevisions != null && (keepRevisions < 1 || keepRevisions > 1000)) {
            throw new InvalidInputException("keepRevisions", "got " + keepRevisions + "; allowed 1..1000");
        }
    }

    /** Every task, the environment's defaults. */
    public static MaintenanceRequest all(boolean dryRun) {
        return new MaintenanceRequest(List.of(), dryRun, null, null, null, false);
    }

    /** The tasks to run: those asked, or all. */
    public List<String> tasksToRun() {
        return tasks.isEmpty() ? TASKS : tasks;
    }

    /** Nulls replaced by the environment's {@code schedule.maintenance} values. */
    public MaintenanceRequest withDefaults(EnvironmentConfig.MaintenanceSettings defaults) {
        return new MaintenanceRequest(tasks, dryRun,
                retentionDays != null ? retentionDays : defaults.retentionDays(),
                staleDays != null ? staleDays : defaults.staleDays(),
                keepRevisions != null ? keepRevisions : defaults.keepRevisions(), applyLifecycle);
    }
}
