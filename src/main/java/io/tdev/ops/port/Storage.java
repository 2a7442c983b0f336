package io.tdev.ops.port;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.ReplicationStatus;
import io.tdev.ops.model.StorageUsage;
import io.tdev.ops.model.StoredObject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** S3. */
public interface Storage {
    /** Usage from the daily AWS/S3 storage metrics, or a listing when the bucket has none yet. */
    StorageUsage usage(String bucket);

    /** The bucket's lifecycle rules; empty when it has no lifecycle configuration. */
    List<io.tdev.ops.model.LifecycleRule> lifecycleRules(String bucket);

    /**
     * Adds an expiration rule to the bucket's lifecycle configuration, or replaces the rule with the same id; every
     * other rule is kept exactly as it is (transitions, tag filters and all), since S3 replaces the whole
     * configuration on each put.
     */
    void addLifecycleRule(String bucket, io.tdev.ops.model.LifecycleRule rule);

    /** What every adapter checks before it reads or puts anything: the rule expires objects after 1 day or more. */
    static void requireExpiringRule(io.tdev.ops.model.LifecycleRule rule) {
        if (rule.expirationDays() == null || rule.expirationDays() < 1) {
            throw new InvalidInputException("lifecycleRule", "got rule '" + rule.id() + "' without expiration days;"
                    + " allowed a rule that expires objects after 1 day or more (nothing was changed)");
        }
    }
    /**
     * Usage by listing the bucket, stopping after {@code maxObjects} objects (then {@code truncated}): the bounded
     * fallback of a health check when the storage metrics have no datapoint.
     */
    StorageUsage listedUsage(String bucket, int maxObjects);

    /** Objects last modified before {@code cutoff}, at most {@code limit}. */
    List<StoredObject> objectsOlderThan(String bucket, Instant cutoff, int limit);

    ReplicationStatus replication(String bucket);

    /** The {@code limit} most recently modified objects, newest first (a full listing: one call per 1,000 keys). */
    List<StoredObject> newestObjects(String bucket, int limit);

    /**
     * The replication status S3 keeps on an object (HeadObject): PENDING, COMPLETED, FAILED or REPLICA; empty when no
     * replication rule applies to it.
     */
    Optional<String> objectReplicationStatus(String bucket, String key);

    Optional<String> bucketPolicy(String bucket);

    void putBucketPolicy(String bucket, String policyJson);

    /** Removes the bucket policy; removing a policy that is not there succeeds, as S3's DeleteBucketPolicy does. */
    void deleteBucketPolicy(String bucket);

    /** The bucket's own Block Public Access settings; empty when the bucket has none. */
    Optional<PublicAccessBlock> publicAccessBlock(String bucket);
}
