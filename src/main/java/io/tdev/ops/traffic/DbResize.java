package io.tdev.ops.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.DbResizeRequest;
import io.tdev.ops.api.traffic.DbResizeResult;
import io.tdev.ops.api.traffic.DbResizeUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.DbInstance;
import io.tdev.ops.api.change.ChangeStatus;

import java.util.List;

/** {@code db-resize}: plan (current → new class, when, downtime), then the change and, applied now, the wait. */
public final class DbResize implements DbResizeUseCase {
    private final OpsContext ctx;

    public DbResize(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DbResizeResult run(DbResizeRequest request) {
        DbClassChange change = new DbClassChange(ctx);
        DbInstance db = change.describe();
        String to = request.instanceClass();
        change.requireOrderable(db, "instanceClass", to);
        String downtime = DbClassChange.downtime(db, request.applyImmediately());
        if (to.equals(db.instanceClass()) && db.pendingInstanceClass() == null) {
            return result(ChangeStatus.UNCHANGED, db, request, downtime, "already on " + to, null, List.of());
        }
        DbClassChange.requireAvailable(db);
        String when = request.applyImmediately() ? "now" : "maintenance window";
        Action action = new Action("modify DB instance class (" + when + ")", db.id(), db.instanceClass(), to,
                ctx.clock().instant(), request.dryRun());
        if (request.dryRun()) {
            return result(ChangeStatus.PLANNED, db, request, downtime, null, null, List.of(action));
        }
        change.request(to, request.applyImmediately());
        ctx.progress().report("requested " + db.id() + ": " + db.instanceClass() + " -> " + to + " (" + when + ")");
        if (!request.applyImmediately()) {
            return result(ChangeStatus.STARTED, db, request, downtime, "RDS applies " + to
                    + " in the instance's next maintenance window; until then it stays on " + db.instanceClass(),
                    null, List.of(action));
        }
        if (change.awaitAvailable(to, change.timeout())) {
            return result(ChangeStatus.COMPLETED, db, request, downtime, null, null, List.of(action));
        }
        return result(ChangeStatus.TIMED_OUT, db, request, downtime, "the change to " + to + " was requested but "
                        + db.id() + " was not available on it within " + change.timeout().toMinutes() + " minutes;"
                        + " RDS goes on with it", "tdev-ops db-resize --instance-class " + to
                        + " --dry-run   (UNCHANGED once it applied)", List.of(action));
    }

    private static DbResizeResult result(ChangeStatus status, DbInstance db, DbResizeRequest request, String downtime,
                                         String message, String next, List<Action> actions) {
        return new DbResizeResult(status.ok(), status, db.id(), db.instanceClass(), request.instanceClass(),
                request.applyImmediately(), db.multiAz(), downtime, message, next, actions);
    }
}
