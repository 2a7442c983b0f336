package io.tdev.ops.api.security;

/**
 * @param restore put back the policy the last lockdown saved, instead of locking down
 * @param dryRun  return the plan the real run applies; change nothing
 */
public record LockdownBucketRequest(boolean restore, boolean dryRun) {
    public static LockdownBucketRequest lockdown() {
        return new LockdownBucketRequest(false, false);
    }

    public static LockdownBucketRequest restoreSaved() {
        return new LockdownBucketRequest(true, false);
    }
}
