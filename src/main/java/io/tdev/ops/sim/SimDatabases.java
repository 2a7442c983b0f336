package io.tdev.ops.sim;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Databases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RDS: the environment's PostgreSQL instance. As RDS does: a class change applied immediately keeps the instance
 * {@code modifying} for five minutes before the new class applies; one left for the maintenance window (Sunday
 * 03:00 UTC here) shows as pending and the instance stays {@code available} until then; a class RDS does not offer
 * for the engine is refused (InvalidParameterCombination), and so is a second change while one is under way.
 */
final class SimDatabases implements Databases {
    static final Duration MODIFY_TAKES = Duration.ofMinutes(5);
    static final String ENGINE = "postgres";
    static final String ENGINE_VERSION = "16.4";
    /** What DescribeOrderableDBInstanceOptions answers for postgres 16.4 (a realistic subset, in RDS' order). */
    static final List<String> ORDERABLE = List.of("db.m6g.large", "db.m6g.xlarge", "db.m6g.2xlarge", "db.m7g.large",
            "db.m7g.xlarge", "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge", "db.r6g.4xlarge", "db.r7g.large",
            "db.r7g.xlarge", "db.t4g.medium", "db.t4g.large");
    /** RDS answers one orderable option per class and storage type. */
    static final List<String> STORAGE_TYPES = List.of("gp2", "gp3", "io1");
    static final int OPTIONS_PAGE = 20;

    private final SimWorld world;
    final String instanceId;
    private final boolean multiAz;
    private String instanceClass = "db.r6g.large";
    private String pendingClass;
    /** When the pending class applies: the end of an immediate modification, or the maintenance window. */
    private Instant pendingAppliesAt;
    private boolean applyingNow;

    SimDatabases(SimWorld world) {
        this.world = world;
        this.instanceId = world.config.traffic().dbInstance();
        this.multiAz = world.config.protectedEnv();
    }

    @Override
    public DbInstance describe(String id) {
        return world.call(Api.DESCRIBE_DB_INSTANCES, () -> {
            require(id);
            return view();
        });
    }

    @Override
    public void modifyInstanceClass(String id, String newClass, boolean applyImmediately) {
        Databases.requireInstanceClass(newClass);
        world.exec(Api.MODIFY_DB_INSTANCE, () -> {
            require(id);
            if (!ORDERABLE.contains(newClass)) {
                throw new InvalidInputException("instanceClass", "RDS refused '" + newClass
                        + "' (InvalidParameterCombination): not offered for " + ENGINE + " " + ENGINE_VERSION);
            }
            settle();
            if (applyingNow) {
                throw new RemoteFailureException(Api.MODIFY_DB_INSTANCE, Api.MODIFY_DB_INSTANCE
                        + " failed: InvalidDBInstanceState: instance " + id + " is already being modified", false);
            }
            if (newClass.equals(instanceClass)) {
                pendingClass = null;
                return;
            }
            pendingClass = newClass;
            applyingNow = applyImmediately;
            pendingAppliesAt = applyImmediately ? world.now().plus(MODIFY_TAKES) : nextWindow(world.now());
        });
    }

    /**
     * One option per class and storage type, {@link #OPTIONS_PAGE} a page (MaxRecords' smallest), one call per page
     * as the paginator makes them; each class once in the answer.
     */
    @Override
    public List<String> orderableClasses(String engine, String engineVersion) {
        List<String> options = ENGINE.equals(engine) && ENGINE_VERSION.equals(engineVersion)
                ? ORDERABLE.stream().flatMap(c -> STORAGE_TYPES.stream().map(storage -> c)).toList() : List.of();
        Set<String> classes = new LinkedHashSet<>();
        int from = 0;
        do {
            int start = from;
            classes.addAll(world.call(Api.DESCRIBE_ORDERABLE_DB_OPTIONS,
                    () -> options.subList(start, Math.min(options.size(), start + OPTIONS_PAGE))));
            from += OPTIONS_PAGE;
        } while (from < options.size());
        return List.copyOf(classes);
    }

    /** The class the instance starts on (scenarios). */
    void instanceClass(String startClass) {
        this.instanceClass = startClass;
    }

    DbInstance view() {
        settle();
        return new DbInstance(instanceId, instanceClass, applyingNow ? "modifying" : "available", ENGINE,
                ENGINE_VERSION, multiAz, pendingClass);
    }

    private void settle() {
        if (pendingClass != null && !world.now().isBefore(pendingAppliesAt)) {
            instanceClass = pendingClass;
            pendingClass = null;
            applyingNow = false;
        }
    }

    private static Instant nextWindow(Instant now) {
        ZonedDateTime window = now.atZone(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                .withHour(3).withMinute(0).withSecond(0).withNano(0);
        return (window.toInstant().isAfter(now) ? window : window.plusWeeks(1)).toInstant();
    }

    private void require(String id) {
        if (!instanceId.equals(id)) {
            throw new PreconditionFailedException("RDS instance " + id + " not found (DBInstanceNotFound); this environment's is "
                    + instanceId);
        }
    }
}
