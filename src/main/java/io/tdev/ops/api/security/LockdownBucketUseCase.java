package io.tdev.ops.api.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.security.BucketLockdown;

/**
 * The runbook's response to a suspected data leak: a deny-all policy on the projects bucket, except for the
 * break-glass role; the policy it replaces is saved in Secrets Manager, and {@code restore} puts it back exactly.
 */
public interface LockdownBucketUseCase {
    LockdownBucketResult run(LockdownBucketRequest request);

    static LockdownBucketUseCase over(OpsContext context) {
        return new BucketLockdown(context);
    }
}
