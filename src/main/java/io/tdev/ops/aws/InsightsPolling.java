package io.tdev.ops.aws;

import io.tdev.ops.runbook.Progress;
import io.tdev.ops.runbook.Sleeper;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AwsLogs} waits for a Logs Insights query: the first pause, doubling up to {@code maxDelay}, until
 * {@code timeout} of pauses have passed. Time is counted in pauses taken (not read from a clock), so a virtual
 * {@link Sleeper} gives a virtual wait.
 */
public record InsightsPolling(Duration firstDelay, Duration maxDelay, Duration timeout, Sleeper sleeper,
                              Progress progress) {
    public InsightsPolling {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(progress, "progress");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("InsightsPolling: need 0 <= firstDelay <= maxDelay and timeout >= 0");
        }
    }

    /** 0.5 s doubling to 5 s, for at most 2 minutes, on the real clock; progress lines go nowhere. */
    public static InsightsPolling defaults() {
        return new InsightsPolling(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Sleeper.system(), Progress.NONE);
    }

    Duration next(Duration previous) {
        Duration doubled = previous.isZero() ? firstDelay : previous.multipliedBy(2);
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
