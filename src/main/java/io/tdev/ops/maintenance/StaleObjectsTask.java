package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;
import io.tdev.ops.model.LifecycleRule;
import io.tdev.ops.model.StoredObject;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * stale-objects: objects of the projects bucket older than {@code staleDays}: count, total size, the oldest, by
 * top-level prefix. Never deletes. Without an expiration rule that covers every stale object (enabled, under its
 * prefix, not narrowed to tagged or sized objects) it proposes one (expire after
 * {@code schedule.maintenance.lifecycleExpireDays}), shown first; only {@code applyLifecycle} creates it, keeping
 * the bucket's other rules (S3 replaces the whole lifecycle configuration on every put).
 */
final class StaleObjectsTask implements MaintenanceTask {
    /** Listing stops here: enough to size the clean-up, bounded in time and ListBucket calls. */
    static final int MAX_LISTED = 100_000;
    static final String RULE_ID = "tdev-ops-expire-projects";

    private final OpsContext context;

    StaleObjectsTask(OpsContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "stale-objects";
    }

    @Override
    public TaskResult run(MaintenanceRequest request) {
        String bucket = context.config().bucket();
        Retry retry = Retry.reads(context.sleeper());
        Instant cutoff = context.clock().instant().minus(Duration.ofDays(request.staleDays()));
        List<StoredObject> stale = retry.call(() -> context.ports().storage().objectsOlderThan(bucket, cutoff, MAX_LISTED));
        long bytes = stale.stream().mapToLong(StoredObject::size).sum();
        Map<String, long[]> byPrefix = new TreeMap<>();
        for (StoredObject o : stale) {
            int slash = o.key().indexOf('/');
            long[] sums = byPrefix.computeIfAbsent(slash < 0 ? "(root)" : o.key().substring(0, slash + 1), k -> new long[2]);
            sums[0]++;
            sums[1] += o.size();
        }
        List<String> findings = new ArrayList<>();
        byPrefix.forEach((prefix, sums) -> findings.add(prefix + ": " + sums[0] + " object(s), " + Bytes.show(sums[1])));
        stale.stream().min(Comparator.comparing(StoredObject::lastModified)).ifPresent(o ->
                findings.add("oldest: " + o.key() + " (" + o.lastModified() + ")"));
        String summary = stale.size() + (stale.size() == MAX_LISTED ? "+" : "") + " object(s) older than "
                + request.staleDays() + " days in " + bucket + ", " + Bytes.show(bytes);
        if (stale.isEmpty()) {
            return new TaskResult(name(), TaskStatus.OK, summary, findings, List.of());
        }
        List<LifecycleRule> rules = retry.call(() -> context.ports().storage().lifecycleRules(bucket));
        // covered only when every stale object expires by some rule: one for another prefix, or only for tagged or
        // sized objects, leaves these where they are
        List<StoredObject> uncovered = stale.stream()
                .filter(o -> rules.stream().noneMatch(r -> r.expiresEvery(o.key()))).toList();
        if (uncovered.isEmpty()) {
            return new TaskResult(name(), TaskStatus.OK, summary + "; the bucket's expiration rules cover them",
                    findings, List.of());
        }
        rules.stream().filter(r -> r.expirationDays() != null && "Enabled".equals(r.status())).forEach(r ->
                findings.add("rule " + r.id() + " expires only objects under '" + r.prefix() + "'"
                        + (r.narrowedBy() == null ? "" : " with " + r.narrowedBy()) + ": " + uncovered.size()
                        + " stale object(s) are not among them (e.g. " + uncovered.get(0).key() + ")"));
        int expire = context.config().schedule().maintenance().lifecycleExpireDays();
        LifecycleRule proposed = new LifecycleRule(RULE_ID, "", expire, "Enabled");
        String shown = "rule " + RULE_ID + ": expire every object " + expire + " days after it was written";
        findings.add("proposed lifecycle " + shown);
        if (!request.applyLifecycle()) {
            return new TaskResult(name(), TaskStatus.FINDINGS, summary + "; no expiration rule: review the proposed"
                    + " rule and run with --apply-lifecycle to create it", findings, List.of());
        }
        Plan plan = new Plan(name(), context.clock()).add("create lifecycle rule", bucket,
                rules.size() + " rule(s), none expiring every stale object", shown,
                () -> context.ports().storage().addLifecycleRule(bucket, proposed));
        return plan.carryOut(request.dryRun(), summary, findings);
    }
}
