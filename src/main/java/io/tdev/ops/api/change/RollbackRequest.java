package io.tdev.ops.api.change;

import java.time.Duration;

/**
 * What to roll back to and how; checked when made, before anything is read.
 *
 * @param target     where to ({@link RollbackTarget#parse}: null = last-known-good)
 * @param reason     why, for the notification and the result; null = "not given"
 * @param waitForStable  wait until the service is stable ({@code wait}; false: return STARTED)
 * @param timeout    how long to wait ({@code timeoutMinutes}); null = config {@code deploy.stableTimeoutMinutes}
 * @param notifyTeam publish the outcome to the environment's alert topic ({@code notify})
 * @param dryRun     check everything and return the plan; change nothing
 */
public record RollbackRequest(RollbackTarget target, String reason, boolean waitForStable, Duration timeout,
                              boolean notifyTeam, boolean dryRun) {
    public static final String NO_REASON = "not given";

    public RollbackRequest {
        target = target == null ? RollbackTarget.parse(null) : target;
        reason = reason == null || reason.isBlank() ? NO_REASON : reason;
        Timeout.check(timeout);
    }

    /** With the target as a person writes it (last-known-good, previous, N, FAMILY:N, ARN; null = last-known-good). */
    public static RollbackRequest of(String target, String reason, boolean waitForStable, Duration timeout, boolean notifyTeam,
                                     boolean dryRun) {
        return new RollbackRequest(RollbackTarget.parse(target), reason, waitForStable, timeout, notifyTeam, dryRun);
    }
}
