package io.tdev.ops.sim;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Databases;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** RDS: one instance; a class change keeps it "modifying" for five minutes before the new class applies. */
final class SimDatabases implements Databases {
    static final Duration MODIFY_TAKES = Duration.ofMinutes(5);
    private static final Pattern CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");

    private final SimWorld world;
    final String instanceId;
    private String instanceClass = "db.r6g.large";
    private String pendingClass;
    private Instant modifyDoneAt;

    SimDatabases(SimWorld world) {
        this.world = world;
        this.instanceId = "t-developer-db-" + world.config.name();
    }

    @Override
    public DbInstance describe(String id) {
        return world.call(Api.DESCRIBE_DB_INSTANCES, () -> {
            require(id);
            return view();
        });
    }

    @Override
    public void modifyInstanceClass(String id, String newClass) {
        world.exec(Api.MODIFY_DB_INSTANCE, () -> {
            require(id);
            if (newClass == null || !CLASS.matcher(newClass).matches()) {
                throw new InvalidInputException("instanceClass", "got '" + newClass + "'; expected a class like db.r6g.xlarge");
            }
            settle();
            if (pendingClass != null) {
                throw new RemoteFailureException(Api.MODIFY_DB_INSTANCE, Api.MODIFY_DB_INSTANCE
                        + " failed: InvalidDBInstanceState: instance " + id + " is already being modified", true);
            }
            pendingClass = newClass;
            modifyDoneAt = world.now().plus(MODIFY_TAKES);
        });
    }

    DbInstance view() {
        settle();
        return new DbInstance(instanceId, instanceClass, pendingClass != null ? "modifying" : "available");
    }

    private void settle() {
        if (pendingClass != null && !world.now().isBefore(modifyDoneAt)) {
            instanceClass = pendingClass;
            pendingClass = null;
        }
    }

    private void require(String id) {
        if (!instanceId.equals(id)) {
            throw new PreconditionFailedException("RDS instance " + id + " not found (DBInstanceNotFound); this environment's is "
                    + instanceId);
        }
    }
}
