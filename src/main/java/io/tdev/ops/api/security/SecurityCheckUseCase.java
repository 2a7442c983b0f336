package io.tdev.ops.api.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.security.SecurityCheck;

/** The runbook's daily security check: failed logins, rate limiting, open security groups, secret age, bucket. */
public interface SecurityCheckUseCase {
    SecurityCheckResult run(SecurityCheckRequest request);

    static SecurityCheckUseCase over(OpsContext context) {
        return new SecurityCheck(context);
    }
}
