package io.tdev.ops.health.signal;

import io.tdev.ops.support.Durations;

import java.time.Duration;

/**
 * A signal's read did not finish within the signal timeout. The one wording of it, whether the signal's own read
 * timed out or it waited for a read another signal started (the check's one GetMetricData) and that one timed out.
 */
public final class NotReadInTime extends RuntimeException {
    public NotReadInTime(Duration timeout) {
        super(wording(timeout), null, false, false);
    }

    public static String wording(Duration timeout) {
        return "not read within " + Durations.format(timeout) + " (timed out)";
    }
}
