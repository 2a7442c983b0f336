package io.tdev.ops.change;

import io.tdev.ops.api.OpsContext;

import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;

/** The stable-wait timeout: the caller's, else the environment's {@code deploy.stableTimeoutMinutes}. */
final class Timeouts {
    private Timeouts() {
    }

    static Duration stable(OpsContext ctx, Duration requested) {
        if (requested == null) {
            return Duration.ofMinutes(ctx.config().deploy().stableTimeoutMinutes());
        }
        if (requested.isNegative() || requested.isZero()) {
            throw new InvalidInputException("timeoutMinutes", "must be more than 0, got " + requested.toMinutes());
        }
        return requested;
    }
}
