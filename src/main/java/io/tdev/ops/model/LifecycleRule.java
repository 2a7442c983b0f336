package io.tdev.ops.model;

/**
 * One S3 lifecycle rule: objects under {@code prefix} ("" = the whole bucket) expire {@code expirationDays} after
 * they were written; {@code status} Enabled or Disabled; {@code expirationDays} is null for rules that do something
 * else (transitions, noncurrent versions), which are kept as they are. {@code narrowedBy} says what else selects
 * the objects besides the prefix (object tags, object size: "tag temp=true"), null when nothing does: such a rule
 * leaves every other object under its prefix alone.
 */
public record LifecycleRule(String id, String prefix, Integer expirationDays, String status, String narrowedBy) {

    /** A rule selecting by prefix only. */
    public LifecycleRule(String id, String prefix, Integer expirationDays, String status) {
        this(id, prefix, expirationDays, status, null);
    }

    /** Whether this rule expires the object {@code key}, whatever its tags and size: enabled, expiring, its prefix. */
    public boolean expiresEvery(String key) {
        return "Enabled".equals(status) && expirationDays != null && narrowedBy == null
                && (prefix == null || key.startsWith(prefix));
    }
}
