package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;

/** The requests' wait timeout: null = the environment's {@code deploy.stableTimeoutMinutes}, else more than 0. */
final class Timeout {
    private Timeout() {
    }

    static void check(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InvalidInputException("timeoutMinutes", "must be more than 0, got " + timeout.toMinutes()
                    + "; allowed: more than 0 minutes, or none for the environment's deploy.stableTimeoutMinutes");
        }
    }
}
