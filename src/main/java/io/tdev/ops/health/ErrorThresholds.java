package io.tdev.ops.health;

import io.tdev.ops.support.Durations;

import io.tdev.ops.config.EnvironmentConfig;

import java.time.Duration;

/**
 * The ERROR-event counts that make the error-logs signal DEGRADED / UNHEALTHY for the window a health check reads.
 * The environment writes them per {@code health.errorWindowMinutes}; a longer window scales them by window / that
 * (the runbook's 24 h look at a 60-minute config: ×24), so a normal day is not read as an hour's storm. A shorter
 * window keeps them as written: the checks right after a deploy or rollback read a few minutes, where a count is too
 * small to be a rate and a scaled-down threshold would turn a single ERROR into DEGRADED.
 */
public record ErrorThresholds(int degraded, int unhealthy, String description) {

    public static ErrorThresholds forWindow(EnvironmentConfig.HealthSettings health, Duration window) {
        Duration perWindow = Duration.ofMinutes(health.errorWindowMinutes());
        if (window.compareTo(perWindow) <= 0) {
            return new ErrorThresholds(health.errorEventsDegraded(), health.errorEventsUnhealthy(),
                    "DEGRADED at " + health.errorEventsDegraded() + ", UNHEALTHY at " + health.errorEventsUnhealthy());
        }
        double factor = (double) window.toMillis() / perWindow.toMillis();
        int degraded = scaled(health.errorEventsDegraded(), factor);
        int unhealthy = scaled(health.errorEventsUnhealthy(), factor);
        String times = factor == Math.rint(factor) ? String.valueOf((long) factor) : String.format(java.util.Locale.ROOT, "%.2f", factor);
        return new ErrorThresholds(degraded, unhealthy, "DEGRADED at " + degraded + ", UNHEALTHY at " + unhealthy
                + " (" + health.errorEventsDegraded() + " / " + health.errorEventsUnhealthy() + " per "
                + Durations.format(perWindow) + " health.errorWindowMinutes, x" + times + " for the "
                + Durations.format(window) + " window)");
    }

    private static int scaled(int threshold, double factor) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(threshold * factor));
    }

    public SignalStatus statusOf(int count) {
        return count >= unhealthy ? SignalStatus.UNHEALTHY : count >= degraded ? SignalStatus.DEGRADED : SignalStatus.HEALTHY;
    }
}
