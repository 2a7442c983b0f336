package io.tdev.ops.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ReplicationStatus;
import io.tdev.ops.model.StorageUsage;
import io.tdev.ops.model.StoredObject;
import io.tdev.ops.port.Storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * S3: the generated-projects bucket, one zip and one metadata file per project over the last weeks. Listing
 * costs one {@code s3:ListBucket} call per page of 1,000 keys, as ListObjectsV2 does. With replication configured
 * every object carries a replication status, as S3 sets it: COMPLETED once copied (the scenario may fail the newest
 * ones: FAILED); without a rule, objects carry none.
 */
final class SimStorage implements Storage {
    static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimWorld world;
    private final List<StoredObject> objects = new ArrayList<>();
    private String policy;
    private boolean replication = true;
    /** When the bucket was created: S3's daily storage metrics start with the first midnight after it. */
    private Instant createdAt = Instant.MIN;
    private PublicAccessBlock publicAccessBlock = PublicAccessBlock.ALL_BLOCKED;
    private final Map<String, String> replicationOverrides = new HashMap<>();

    SimStorage(SimWorld world) {
        this.world = world;
        this.policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + world.config.bucket() + "\",\"arn:aws:s3:::"
                + world.config.bucket() + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
    }

    /** Projects of the last {@code days} days, about {@code perDay} a day. */
    void fill(int days, int perDay) {
        Random r = new Random(world.seed ^ 0x53L);
        for (int d = days; d >= 0; d--) {
            int n = perDay / 2 + r.nextInt(perDay + 1);
            for (int i = 0; i < n; i++) {
                Instant at = world.epoch.minus(Duration.ofDays(d)).minusSeconds(r.nextInt(86_400));
                if (!at.isBefore(world.epoch)) {
                    continue;
                }
                String id = LogLines.uuid(r);
                objects.add(new StoredObject("projects/" + id + "/project.zip", 80_000 + r.nextInt(7_500_000), at));
                objects.add(new StoredObject("projects/" + id + "/metadata.json", 900 + r.nextInt(3_000), at));
            }
        }
        objects.sort(Comparator.comparing(StoredObject::key));
    }

    private final List<io.tdev.ops.model.LifecycleRule> lifecycle = new ArrayList<>();

    @Override
    public List<io.tdev.ops.model.LifecycleRule> lifecycleRules(String bucket) {
        return world.call(Api.GET_LIFECYCLE, () -> {
            requireBucket(bucket);
            return List.copyOf(lifecycle);
        });
    }

    /** As the AWS adapter: read the configuration, keep every other rule, put the whole configuration back. */
    @Override
    public void addLifecycleRule(String bucket, io.tdev.ops.model.LifecycleRule rule) {
        Storage.requireExpiringRule(rule);
        List<io.tdev.ops.model.LifecycleRule> rules = new ArrayList<>(lifecycleRules(bucket));
        rules.removeIf(r -> r.id().equals(rule.id()));
        rules.add(rule);
        world.exec(Api.PUT_LIFECYCLE, () -> {
            requireBucket(bucket);
            if (rules.size() > 1000) {
                throw new RemoteFailureException(Api.PUT_LIFECYCLE, Api.PUT_LIFECYCLE
                        + " failed: MalformedXML: a lifecycle configuration has 1 to 1000 rules", false);
            }
            lifecycle.clear();
            lifecycle.addAll(rules);
        });
    }

    /** A rule the bucket had before the simulation began (e.g. another team's). */
    void existingLifecycleRule(io.tdev.ops.model.LifecycleRule rule) {
        lifecycle.add(rule);
    }

    /** A bucket created {@code age} before the simulation began, with {@code projects} projects written since. */
    void fillNew(Duration age, int projects) {
        Random r = new Random(world.seed ^ 0x5eL);
        createdAt = world.epoch.minus(age);
        for (int i = 0; i < projects; i++) {
            Instant at = createdAt.plusMillis((long) (r.nextDouble() * age.toMillis()));
            String id = LogLines.uuid(r);
            objects.add(new StoredObject("projects/" + id + "/project.zip", 80_000 + r.nextInt(7_500_000), at));
            objects.add(new StoredObject("projects/" + id + "/metadata.json", 900 + r.nextInt(3_000), at));
        }
        objects.sort(Comparator.comparing(StoredObject::key));
    }

    /** Whether S3 has published a daily storage datapoint stamped {@code day}: the bucket existed at that midnight. */
    boolean hasMetricsFor(Instant day) {
        return !day.isBefore(createdAt);
    }

    void replication(boolean configured) {
        this.replication = configured;
    }

    /** The {@code count} newest objects failed to replicate. */
    void replicationFailures(int count) {
        objects.stream().sorted(Comparator.comparing(StoredObject::lastModified).reversed()).limit(count)
                .forEach(o -> replicationOverrides.put(o.key(), "FAILED"));
    }

    void policy(String json) {
        this.policy = json;
    }

    /** The bucket's Block Public Access settings; null = none configured. */
    void publicAccessBlock(PublicAccessBlock settings) {
        this.publicAccessBlock = settings;
    }

    /** As the AWS adapter does: the newest daily storage metrics of the last three days (one GetMetricData call). */
    @Override
    public StorageUsage usage(String bucket) {
        Instant day = world.call(Api.GET_METRIC_DATA, () -> {
            Instant today = world.now().truncatedTo(ChronoUnit.DAYS);
            return world.config.bucket().equals(bucket) && hasMetricsFor(today) ? today : null;
        });
        if (day != null) {
            StorageUsage at = world.inspect(() -> usageAt(day));
            return new StorageUsage(at.objects(), at.bytes(), "CloudWatch AWS/S3 NumberOfObjects and BucketSizeBytes "
                    + "(StandardStorage) of " + LocalDate.ofInstant(day, ZoneOffset.UTC));
        }
        pages(bucket, Integer.MAX_VALUE);
        return world.inspect(() -> new StorageUsage(objects.size(), objects.stream().mapToLong(StoredObject::size).sum(), "listing"));
    }

    @Override
    public StorageUsage listedUsage(String bucket, int maxObjects) {
        if (maxObjects < 1) {
            throw new InvalidInputException("maxObjects", "got " + maxObjects + "; must be at least 1");
        }
        pages(bucket, maxObjects);
        return world.inspect(() -> {
            List<StoredObject> listed = objects.stream().limit(maxObjects).toList();
            boolean truncated = objects.size() > maxObjects;
            return new StorageUsage(listed.size(), listed.stream().mapToLong(StoredObject::size).sum(),
                    truncated ? "S3 ListObjectsV2 stopped at " + maxObjects + " objects: lower bounds" : "S3 ListObjectsV2",
                    truncated);
        });
    }

    @Override
    public List<StoredObject> objectsOlderThan(String bucket, Instant cutoff, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be 1 or more, got " + limit);
        }
        pages(bucket, Integer.MAX_VALUE);
        return world.inspect(() -> objects.stream().filter(o -> o.lastModified().isBefore(cutoff)).limit(limit).toList());
    }

    /** One ListBucket call per page of the first {@code upTo} objects (pages of min(1000, upTo) keys), each subject to faults. */
    private void pages(String bucket, int upTo) {
        int page = Math.min(PAGE, upTo);
        int pages = world.inspect(() -> Math.max(1, (Math.min(objects.size(), upTo) + page - 1) / page));
        for (int i = 0; i < pages; i++) {
            world.exec(Api.LIST_BUCKET, () -> requireBucket(bucket));
        }
    }

    @Override
    public ReplicationStatus replication(String bucket) {
        return world.call(Api.GET_REPLICATION, () -> {
            requireBucket(bucket);
            return replication
                    ? new ReplicationStatus(true, List.of(bucket + "-replica-us-west-2"), List.of("projects-replica: Enabled"))
                    : new ReplicationStatus(false, List.of(), List.of());
        });
    }

    @Override
    public List<StoredObject> newestObjects(String bucket, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be 1 or more, got " + limit);
        }
        pages(bucket, Integer.MAX_VALUE);
        return world.inspect(() -> objects.stream().sorted(Comparator.comparing(StoredObject::lastModified).reversed())
                .limit(limit).toList());
    }

    @Override
    public Optional<String> objectReplicationStatus(String bucket, String key) {
        return world.call(Api.GET_OBJECT, () -> {
            requireBucket(bucket);
            if (objects.stream().noneMatch(o -> o.key().equals(key))) {
                throw new PreconditionFailedException("S3 object s3://" + bucket + "/" + key + " not found (404 Not Found)");
            }
            return replication ? Optional.of(replicationOverrides.getOrDefault(key, "COMPLETED")) : Optional.empty();
        });
    }

    @Override
    public Optional<String> bucketPolicy(String bucket) {
        return world.call(Api.GET_BUCKET_POLICY, () -> {
            requireBucket(bucket);
            return Optional.ofNullable(policy);
        });
    }

    @Override
    public void putBucketPolicy(String bucket, String policyJson) {
        JsonNode document = policyDocument(policyJson); // refused before the call, as the adapter does
        world.exec(Api.PUT_BUCKET_POLICY, () -> {
            requireBucket(bucket);
            if (!document.has("Statement")) {
                throw new RemoteFailureException(Api.PUT_BUCKET_POLICY, Api.PUT_BUCKET_POLICY
                        + " failed: MalformedPolicy: Policy has no Statement", false);
            }
            policy = policyJson;
        });
    }

    private static JsonNode policyDocument(String policyJson) {
        JsonNode document;
        try {
            document = policyJson == null ? null : JSON.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("policyJson", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (document == null || !document.isObject()) {
            throw new InvalidInputException("policyJson", "must be a JSON object (an IAM policy document)");
        }
        return document;
    }

    @Override
    public void deleteBucketPolicy(String bucket) {
        world.exec(Api.DELETE_BUCKET_POLICY, () -> {
            requireBucket(bucket);
            policy = null; // S3 answers 204 whether or not there was one
        });
    }

    @Override
    public Optional<PublicAccessBlock> publicAccessBlock(String bucket) {
        return world.call(Api.GET_PUBLIC_ACCESS_BLOCK, () -> {
            requireBucket(bucket);
            return Optional.ofNullable(publicAccessBlock);
        });
    }

    private void requireBucket(String bucket) {
        if (!world.config.bucket().equals(bucket)) {
            throw new PreconditionFailedException("S3 bucket " + bucket + " not found (NoSuchBucket); this environment's is "
                    + world.config.bucket());
        }
    }

    /** The bucket as it was at {@code at} (the daily storage metrics). */
    StorageUsage usageAt(Instant at) {
        long count = 0;
        long bytes = 0;
        for (StoredObject o : objects) {
            if (o.lastModified().isBefore(at)) {
                count++;
                bytes += o.size();
            }
        }
        return new StorageUsage(count, bytes, "metrics");
    }

    String policy() {
        return policy;
    }
}
