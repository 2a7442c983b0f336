package io.tdev.ops.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;
import io.tdev.ops.support.Waits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moving the environment's RDS instance to another class: checks the class against what RDS offers for the
 * engine (before anything changes), requests the change, and waits until the instance is {@code available} on the
 * new class. Used by {@code db-resize} and by a traffic event's prepare and restore.
 */
final class DbClassChange {
    /** How often a wait looks at the instance. */
    static final Duration POLL = Duration.ofSeconds(30);

    private final OpsContext ctx;
    private final Retry retry;
    final String instanceId;

    DbClassChange(OpsContext ctx) {
        this.ctx = ctx;
        this.retry = ctx.retry();
        this.instanceId = ctx.config().traffic().dbInstance();
    }

    DbInstance describe() {
        return retry.call(() -> ctx.ports().databases().describe(instanceId));
    }

    /** Invalid input listing the allowed classes when RDS does not offer {@code instanceClass} for the engine. */
    void requireOrderable(DbInstance db, String field, String instanceClass) {
        List<String> allowed = retry.call(() -> ctx.ports().databases().orderableClasses(db.engine(),
                db.engineVersion()));
        if (!allowed.contains(instanceClass)) {
            throw new InvalidInputException(field, "got '" + instanceClass + "'; RDS offers " + db.engine() + " "
                    + db.engineVersion() + " on: " + String.join(", ", allowed));
        }
    }

    /** A change may start only from {@code available}: RDS refuses a second modification while one runs. */
    static void requireAvailable(DbInstance db) {
        if (!db.available()) {
            throw new PreconditionFailedException("DB instance " + db.id() + " is '" + db.status() + "'"
                    + (db.pendingInstanceClass() != null ? " (moving to " + db.pendingInstanceClass() + ")" : "")
                    + "; run again when it is available");
        }
    }

    /** What RDS' model says about the interruption of a class change. */
    static String downtime(DbInstance db, boolean applyImmediately) {
        String when = applyImmediately ? "now" : "in the next maintenance window";
        return db.multiAz()
                ? "Multi-AZ: RDS modifies the standby, then fails over to it (" + when
                + "): connections drop for about one to two minutes"
                : "Single-AZ: the instance is unavailable while RDS moves it to the new class (" + when
                + "): typically several minutes";
    }

    void request(String instanceClass, boolean applyImmediately) {
        ctx.ports().databases().modifyInstanceClass(instanceId, instanceClass, applyImmediately);
    }

    /** Waits until the instance is available on {@code instanceClass}; false when the timeout passed first. */
    boolean awaitAvailable(String instanceClass, Duration timeout) {
        Instant start = ctx.clock().instant();
        while (true) {
            DbInstance db = describe();
            Duration waited = Duration.between(start, ctx.clock().instant());
            if (db.available() && instanceClass.equals(db.instanceClass())) {
                ctx.progress().report("DB instance " + instanceId + " is available on " + instanceClass + " after "
                        + Durations.format(waited));
                return true;
            }
            if (waited.compareTo(timeout) >= 0) {
                return false;
            }
            ctx.progress().report("waiting for DB instance " + instanceId + " to be available on " + instanceClass
                    + ": " + db.status() + " (" + Durations.format(waited) + " of " + Durations.format(timeout) + ")");
            Waits.sleep(ctx.sleeper(), POLL, "rds:DescribeDBInstances");
        }
    }

    Duration timeout() {
        return Duration.ofMinutes(ctx.config().traffic().dbWaitTimeoutMinutes());
    }
}
