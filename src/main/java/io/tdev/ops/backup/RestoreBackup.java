package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.RestoreRequest;
import io.tdev.ops.api.backup.RestoreResult;
import io.tdev.ops.api.backup.RestoreUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.BackupDescription;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TableState;
import io.tdev.ops.support.Retry;

import java.util.List;
import java.util.Optional;

/**
 * Plan (the backup exists and is AVAILABLE; the target is not the live table and does not exist) →
 * RestoreTableFromBackup into the new table → wait until ACTIVE → count its items exactly and compare with the
 * backup's. The live table is never written; switching the service over (the runbook's redeploy) is a separate,
 * deliberate step this only describes. Undo: delete the restored table.
 */
public final class RestoreBackup implements RestoreUseCase {
    private final OpsContext ctx;

    public RestoreBackup(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RestoreResult run(RestoreRequest request) {
        String live = ctx.config().table().name();
        if (request.targetTable().equals(live)) {
            throw new InvalidInputException("targetTable", "got '" + live + "', the live table; restore into a new"
                    + " table (e.g. " + live + "-restored) and switch over deliberately");
        }
        Retry retry = Retry.reads(ctx.sleeper());
        String arn = request.latest() ? latest(live, retry).arn() : request.backup();
        BackupDescription backup = retry.call(() -> ctx.ports().tables().describeBackup(arn));
        if (!"AVAILABLE".equals(backup.backup().status())) {
            throw new PreconditionFailedException("backup " + backup.backup().name() + " is " + backup.backup().status()
                    + "; only an AVAILABLE backup can be restored");
        }
        Optional<TableState> existing = retry.call(() -> ctx.ports().tables().describeTable(request.targetTable()));
        if (existing.isPresent()) {
            throw new PreconditionFailedException("table " + request.targetTable() + " already exists ("
                    + existing.get().status() + ", " + existing.get().itemCount() + " items); a restore never"
                    + " overwrites: choose a new --target-table");
        }
        String target = request.targetTable();
        String name = backup.backup().name();
        if (request.dryRun()) {
            Action plan = new Action("restore-table", target, null, "from " + name, ctx.clock().instant(), true);
            return new RestoreResult(arn, target, null, null, List.of(plan), "PLANNED", name, backup.itemCount(), live,
                    "dry run: would restore " + name + " (" + backup.itemCount() + " items, taken "
                            + backup.backup().createdAt() + ") into the new table " + target, switchOver(target));
        }

        TableState started = ctx.ports().tables().restore(arn, target);
        Action action = new Action("restore-table", target, null, "from " + name, ctx.clock().instant(), false);
        ctx.progress().report("restoring " + name + " into " + target + ": " + started.status());
        Wait.Ended<Optional<TableState>> ended = Wait.until(ctx, "table " + target + " to be ACTIVE",
                () -> ctx.ports().tables().describeTable(target),
                t -> t.isPresent() && t.get().active(), t -> t.map(TableState::status).orElse("not visible yet"));
        if (!ended.done()) {
            String status = ended.last().map(TableState::status).orElse(started.status());
            return new RestoreResult(arn, target, null, null, List.of(action), status, name, backup.itemCount(), live,
                    ended.why("table " + target, Wait.timeout(ctx)) + "; DynamoDB goes on restoring it",
                    "aws dynamodb wait table-exists --table-name " + target + ", then check its item count");
        }
        long restored = retry.call(() -> ctx.ports().tables().countItems(target));
        double tolerance = ctx.config().dr().verifyTolerancePercent();
        boolean verified = Counts.within(restored, backup.itemCount(), tolerance);
        String comparison = Counts.compare("items", restored, backup.itemCount()) + " (restored table, counted, vs"
                + " backup; tolerance " + tolerance + " %)";
        return new RestoreResult(arn, target, restored, verified, List.of(action), "ACTIVE", name, backup.itemCount(),
                live, (verified ? "restored and verified: " : "restored, NOT verified: ") + comparison,
                verified ? switchOver(target) : "inspect " + target + " before using it; the live table " + live
                        + " is untouched");
    }

    private TableBackup latest(String live, Retry retry) {
        return retry.call(() -> ctx.ports().tables().listBackups(live)).stream()
                .filter(b -> "AVAILABLE".equals(b.status())).findFirst()
                .orElseThrow(() -> new PreconditionFailedException("no AVAILABLE backup of " + live
                        + " to restore; take one with: tdev-ops backup"));
    }

    /** The runbook's next step after a restore, which stays a person's decision. */
    private String switchOver(String target) {
        return "to switch over (not done here): point the service's table setting from " + ctx.config().table().name()
                + " to " + target + " (e.g. --config with table.name: " + target + "), redeploy (tdev-ops deploy --image"
                + " CURRENT_IMAGE), then tdev-ops health";
    }
}
