package io.tdev.ops.aws;

import io.tdev.ops.runbook.Progress;
import io.tdev.ops.runbook.Sleeper;

import java.time.Duration;
import java.util.Objects;

/**
 * How an adapter waits for AWS to finish something (a Logs Insights query, an ECR scan): the first pause,
 * doubling up to {@code maxDelay}, until
 * {@code timeout} of pauses have passed. Time is counted in pauses taken (not read from a clock), so a virtual
 * {@link Sleeper} gives a virtual wait.
 */
public record Polling(Duration firstDelay, Duration maxDelay, Duration timeout, Sleeper sleeper,
                              Progress progress) {
    public Polling {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(progress, "progress");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("Polling: need 0 <= firstDelay <= maxDelay and timeout >= 0");
        }
    }

    /** 0.5 s doubling to 5 s, for at most 2 minutes, on the real clock; progress lines go nowhere. */
    public static Polling defaults() {
        return of(Duration.ofMinutes(2));
    }

    /** 0.5 s doubling to 5 s, for at most {@code timeout}, on the real clock; progress lines go nowhere. */
    public static Polling of(Duration timeout) {
        return new Polling(Duration.ofMillis(500), Duration.ofSeconds(5), timeout, Sleeper.system(), Progress.NONE);
    }

    Duration next(Duration previous) {
        Duration doubled = previous.isZero() ? firstDelay : previous.multipliedBy(2);
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
