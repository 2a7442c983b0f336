package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.DrCheckRequest;
import io.tdev.ops.api.backup.DrCheckResult;
import io.tdev.ops.api.backup.DrCheckResult.Check;
import io.tdev.ops.api.backup.DrCheckResult.Status;
import io.tdev.ops.api.backup.DrCheckUseCase;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.model.PointInTimeRecovery;
import io.tdev.ops.model.ReplicationStatus;
import io.tdev.ops.model.StoredObject;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Read-only: five checks, each PASS / FAIL with its evidence, or UNKNOWN when it could not be read (never PASS).
 * {@code s3-replication}: a replication rule is Enabled, with its destination; {@code s3-object-replication}: the
 * newest objects are COMPLETED (PENDING allowed for {@code dr.replicationLagMinutes}); {@code point-in-time-recovery}
 * is on; {@code backup-age}: the newest AVAILABLE backup is younger than {@code checklist.backupMaxAgeHours};
 * {@code primary-health-check}: Route 53 sees the primary healthy.
 */
public final class DrCheck implements DrCheckUseCase {
    private final OpsContext ctx;
    private final Retry retry;

    public DrCheck(OpsContext ctx) {
        this.ctx = ctx;
        this.retry = Retry.reads(ctx.sleeper());
    }

    @Override
    public DrCheckResult run(DrCheckRequest request) {
        EnvironmentConfig c = ctx.config();
        int sample = request.sampleSize() != null ? request.sampleSize() : c.dr().replicationSampleSize();
        List<Check> checks = new ArrayList<>();
        checks.add(check("s3-replication", () -> replicationRule(
                retry.call(() -> ctx.ports().storage().replication(c.bucket())), c.bucket())));
        checks.add(check("s3-object-replication", () -> objectReplication(c.bucket(), sample)));
        checks.add(check("point-in-time-recovery", () -> pitr(c.table().name())));
        checks.add(check("backup-age", () -> backupAge(c.table().name(), c.checklist().backupMaxAgeHours())));
        checks.add(check("primary-health-check", () -> primaryHealth(c.dr().primaryHealthCheckId())));
        boolean passed = checks.stream().allMatch(ch -> ch.status() == Status.PASS);
        checks.forEach(ch -> ctx.progress().report(ch.name() + ": " + ch.status() + " - " + ch.evidence()));
        return new DrCheckResult(passed, checks);
    }

    /** A check that could not be read is UNKNOWN with what went wrong. */
    private Check check(String name, Supplier<Check> body) {
        try {
            Check result = body.get();
            return new Check(name, result.status(), result.evidence());
        } catch (TdevException e) {
            return new Check(name, Status.UNKNOWN, "could not be read: " + e.getMessage());
        }
    }

    private static Check replicationRule(ReplicationStatus r, String bucket) {
        if (!r.configured()) {
            return result(Status.FAIL, "bucket " + bucket + " has no replication configuration: no cross-region copy of"
                    + " the generated projects");
        }
        boolean enabled = r.ruleStatuses().stream().anyMatch(s -> s.endsWith("Enabled"));
        return result(enabled ? Status.PASS : Status.FAIL, "rules " + r.ruleStatuses() + " to " + r.destinationBuckets()
                + (enabled ? "" : ": no rule is Enabled"));
    }

    private Check objectReplication(String bucket, int sample) {
        List<StoredObject> newest = retry.call(() -> ctx.ports().storage().newestObjects(bucket, sample));
        if (newest.isEmpty()) {
            return result(Status.PASS, "bucket " + bucket + " is empty: nothing to replicate yet");
        }
        Instant lagLimit = ctx.clock().instant().minus(Duration.ofMinutes(ctx.config().dr().replicationLagMinutes()));
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (StoredObject o : newest) {
            String status = retry.call(() -> ctx.ports().storage().objectReplicationStatus(bucket, o.key())).orElse("NONE");
            byStatus.merge(status, 1, Integer::sum);
            boolean late = status.equals("PENDING") && o.lastModified().isBefore(lagLimit);
            if (!(status.equals("COMPLETED") || status.equals("PENDING")) || late) {
                if (bad.size() < 3) {
                    bad.add(o.key() + " " + status + (late ? " since " + o.lastModified() : ""));
                }
            }
        }
        String evidence = "the " + newest.size() + " newest objects: " + byStatus
                + (bad.isEmpty() ? "" : "; e.g. " + String.join(", ", bad));
        return result(bad.isEmpty() ? Status.PASS : Status.FAIL, evidence);
    }

    private Check pitr(String table) {
        PointInTimeRecovery p = retry.call(() -> ctx.ports().tables().pointInTimeRecovery(table));
        return p.enabled()
                ? result(Status.PASS, "enabled on " + table + ": restorable from " + p.earliestRestorable() + " to "
                        + p.latestRestorable())
                : result(Status.FAIL, "disabled on " + table + ": only on-demand backups can restore it");
    }

    private Check backupAge(String table, int maxAgeHours) {
        Optional<TableBackup> newest = retry.call(() -> ctx.ports().tables().listBackups(table)).stream()
                .filter(b -> "AVAILABLE".equals(b.status())).findFirst();
        if (newest.isEmpty()) {
            return result(Status.FAIL, "no AVAILABLE backup of " + table);
        }
        Duration age = Duration.between(newest.get().createdAt(), ctx.clock().instant());
        boolean fresh = age.compareTo(Duration.ofHours(maxAgeHours)) <= 0;
        return result(fresh ? Status.PASS : Status.FAIL, "newest " + newest.get().name() + " is "
                + Durations.format(age) + " old (at most " + maxAgeHours + "h, checklist.backupMaxAgeHours)");
    }

    private Check primaryHealth(String healthCheckId) {
        HealthCheckStatus h = retry.call(() -> ctx.ports().dns().healthCheck(healthCheckId));
        return result(h.healthy() ? Status.PASS : Status.FAIL, HealthText.of(h));
    }

    private static Check result(Status status, String evidence) {
        return new Check("", status, evidence);
    }
}
