package io.tdev.ops.api.change;

import java.time.Duration;

/**
 * What count to scale to; checked when made, before anything is read (a preset name is resolved against the
 * environment's presets when the scaling runs).
 *
 * @param count   N, +N, -N or a preset name ({@link ScaleCount#parse})
 * @param force   allow a count below the environment's minimum (and 0 in a protected environment)
 * @param waitForStable wait until the tasks run ({@code wait}; false: return STARTED)
 * @param timeout how long to wait ({@code timeoutMinutes}); null = config {@code deploy.stableTimeoutMinutes}
 * @param dryRun  check everything and return the plan; change nothing
 */
public record ScaleRequest(ScaleCount count, boolean force, boolean waitForStable, Duration timeout, boolean dryRun) {
    public ScaleRequest {
        if (count == null) {
            count = ScaleCount.parse(null); // says what is allowed
        }
        Timeout.check(timeout);
    }

    /** With the count as a person writes it. */
    public static ScaleRequest of(String count, boolean force, boolean waitForStable, Duration timeout, boolean dryRun) {
        return new ScaleRequest(ScaleCount.parse(count), force, waitForStable, timeout, dryRun);
    }
}
