package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.BackupRequest;
import io.tdev.ops.api.backup.BackupResult;
import io.tdev.ops.api.backup.BackupUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;
import io.tdev.ops.support.Retry;

import java.time.Instant;
import java.util.List;

/**
 * Plan (the table is ACTIVE, the name is new) → CreateBackup → wait until AVAILABLE → with verify, compare the
 * backup's item count and size with the table's. A backup only adds: nothing is overwritten, and an unwanted one is
 * deleted with {@code aws dynamodb delete-backup}.
 */
public final class TakeBackup implements BackupUseCase {
    private final OpsContext ctx;

    public TakeBackup(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public BackupResult run(BackupRequest request) {
        String table = ctx.config().table().name();
        Retry retry = Retry.reads(ctx.sleeper());
        TableState live = retry.call(() -> ctx.ports().tables().describeTable(table)).orElseThrow(() ->
                new PreconditionFailedException("DynamoDB table " + table + " not found; check table.name in the"
                        + " environment config and the region/account"));
        if (!live.active()) {
            throw new PreconditionFailedException("table " + table + " is " + live.status() + "; DynamoDB backs up"
                    + " ACTIVE tables only: run again when it is ACTIVE");
        }
        Instant now = ctx.clock().instant();
        String name = BackupNames.of(ctx.config(), now);
        List<TableBackup> existing = retry.call(() -> ctx.ports().tables().listBackups(table));
        if (existing.stream().anyMatch(b -> b.name().equals(name))) {
            throw new PreconditionFailedException("a backup named " + name + " already exists for " + table
                    + "; names identify backups for people: run again in a second");
        }
        if (request.dryRun()) {
            Action plan = new Action("create-backup", table, null, name, now, true);
            return new BackupResult(null, name, "PLANNED", null, live.itemCount(), null, List.of(plan), table, null,
                    live.sizeBytes(), "dry run: would back up " + table + " (" + live.itemCount() + " items) as " + name
                    + (request.verify() ? " and verify it" : ""), null);
        }

        TableBackup started = ctx.ports().tables().createBackup(table, name);
        Action action = new Action("create-backup", table, null, started.arn(), ctx.clock().instant(), false);
        ctx.progress().report("backup " + name + " of " + table + " started: " + started.status());
        Wait.Ended<BackupDescription> ended = Wait.until(ctx, "backup " + name + " to be AVAILABLE",
                () -> ctx.ports().tables().describeBackup(started.arn()),
                d -> "AVAILABLE".equals(d.backup().status()), d -> d.backup().status());
        BackupDescription b = ended.last();
        if (!ended.done()) {
            return new BackupResult(started.arn(), name, b.backup().status(), null, live.itemCount(), null,
                    List.of(action), table, null, live.sizeBytes(), ended.why("the backup", Wait.timeout(ctx))
                            + "; DynamoDB goes on creating it",
                    "aws dynamodb describe-backup --backup-arn " + started.arn());
        }
        if (!request.verify()) {
            return new BackupResult(started.arn(), name, b.backup().status(), b.itemCount(), live.itemCount(), null,
                    List.of(action), table, b.backup().sizeBytes(), live.sizeBytes(),
                    "backup " + name + " is AVAILABLE (" + b.itemCount() + " items)", null);
        }
        return verified(started.arn(), name, table, b, action, retry);
    }

    private BackupResult verified(String arn, String name, String table, BackupDescription b, Action action, Retry retry) {
        // The table as it is now, after the wait: the figures the backup is compared with.
        TableState now = retry.call(() -> ctx.ports().tables().describeTable(table)).orElseThrow(() ->
                new PreconditionFailedException("table " + table + " disappeared while it was being backed up"));
        double tolerance = ctx.config().dr().verifyTolerancePercent();
        boolean items = Counts.within(b.itemCount(), now.itemCount(), tolerance);
        boolean size = Counts.within(b.backup().sizeBytes(), now.sizeBytes(), tolerance);
        String comparison = Counts.compare("items", b.itemCount(), now.itemCount()) + ", "
                + Counts.compare("bytes", b.backup().sizeBytes(), now.sizeBytes()) + " (backup vs table, tolerance "
                + tolerance + " %)";
        boolean ok = items && size;
        return new BackupResult(arn, name, b.backup().status(), b.itemCount(), now.itemCount(), ok, List.of(action),
                table, b.backup().sizeBytes(), now.sizeBytes(),
                (ok ? "verified: " : "NOT verified: ") + comparison,
                ok ? null : "compare again after DynamoDB refreshes its counts (about every six hours): tdev-ops"
                        + " restore --backup " + arn + " --target-table " + table + "-verify restores it for an exact count");
    }
}
