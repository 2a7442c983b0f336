package io.tdev.ops.model;

/**
 * One S3 lifecycle rule: objects under {@code prefix} ("" = the whole bucket) expire {@code expirationDays} after
 * they were written; {@code status} Enabled or Disabled; {@code expirationDays} is null for rules that do something
 * else (transitions, noncurrent versions), which are kept as they are.
 */
public record LifecycleRule(String id, String prefix, Integer expirationDays, String status) {
}
