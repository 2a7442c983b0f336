package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * backup-integrity: the metadata table's newest backup exists, is AVAILABLE, is younger than
 * {@code checklist.backupMaxAgeHours}, and its size is plausible against the table's: at least half of it (a table
 * only grows between backups, and DynamoDB refreshes the table's size about every six hours). Reads only.
 */
final class BackupIntegrityTask implements MaintenanceTask {
    static final double MIN_SHARE_OF_TABLE = 0.5;

    private final OpsContext context;

    BackupIntegrityTask(OpsContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "backup-integrity";
    }

    @Override
    public TaskResult run(MaintenanceRequest request) {
        String table = context.config().table().name();
        Retry retry = Retry.reads(context.sleeper());
        List<TableBackup> backups = retry.call(() -> context.ports().tables().listBackups(table));
        if (backups.isEmpty()) {
            return new TaskResult(name(), TaskStatus.FINDINGS, "no backup of " + table,
                    List.of("take one: tdev-ops checklist --take-backup"), List.of());
        }
        TableBackup newest = backups.get(0);
        TableState stats = retry.call(() -> context.ports().tables().describeTable(table)).orElse(null);
        if (stats == null) {
            return new TaskResult(name(), TaskStatus.FINDINGS, "table " + table + " not found; its newest backup is "
                    + newest.name(), List.of("restore the table from " + newest.arn()), List.of());
        }
        Duration age = Duration.between(newest.createdAt(), context.clock().instant());
        Duration limit = Duration.ofHours(context.config().checklist().backupMaxAgeHours());
        List<String> findings = new ArrayList<>();
        if (!"AVAILABLE".equals(newest.status())) {
            findings.add(newest.name() + " is " + newest.status() + ", not AVAILABLE");
        }
        if (age.compareTo(limit) > 0) {
            findings.add(newest.name() + " is " + Durations.format(age) + " old; the limit is " + Durations.format(limit));
        }
        if (stats.itemCount() > 0 && newest.sizeBytes() < MIN_SHARE_OF_TABLE * stats.sizeBytes()) {
            findings.add(newest.name() + " holds " + Bytes.show(newest.sizeBytes()) + ", less than half of the table's "
                    + Bytes.show(stats.sizeBytes()) + " (" + stats.itemCount() + " items)");
        }
        String summary = "newest backup " + newest.name() + ": " + newest.status() + ", " + Durations.format(age)
                + " old (limit " + Durations.format(limit) + "), " + Bytes.show(newest.sizeBytes()) + " vs table "
                + Bytes.show(stats.sizeBytes()) + " (" + stats.itemCount() + " items); " + backups.size() + " backup(s)";
        return new TaskResult(name(), findings.isEmpty() ? TaskStatus.OK : TaskStatus.FINDINGS, summary, findings,
                List.of());
    }
}
