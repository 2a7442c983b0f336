package io.tdev.ops.api.change;

import io.tdev.ops.model.RolloutState;

/**
 * The facts a change result derives from its status and its last look ({@code ok}, {@code rolloutState},
 * {@code circuitBreakerRolledBack}): the results' factories compute them here, and their constructors refuse values
 * that disagree, so a result can never say {@code ok} of a FAILED change.
 */
final class ChangeFacts {
    private ChangeFacts() {
    }

    static RolloutState rolloutState(Stability stability) {
        return stability == null ? null : stability.rolloutState();
    }

    static boolean circuitBreakerRolledBack(Stability stability) {
        return stability != null && stability.circuitBreakerRolledBack();
    }

    static void check(String result, ChangeStatus status, boolean ok, RolloutState rolloutState,
                      boolean circuitBreakerRolledBack, Stability stability) {
        if (status == null) {
            throw new IllegalArgumentException(result + ": status is required");
        }
        if (ok != status.ok() || rolloutState != rolloutState(stability)
                || circuitBreakerRolledBack != circuitBreakerRolledBack(stability)) {
            throw new IllegalArgumentException(result + ": ok, rolloutState and circuitBreakerRolledBack follow from the"
                    + " status and the stability look; make it with " + result + ".of(...)");
        }
    }
}
