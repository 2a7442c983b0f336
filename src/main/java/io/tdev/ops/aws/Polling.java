package io.tdev.ops.aws;

import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.api.Progress;
import io.tdev.ops.api.Sleeper;

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

    /** Starts waiting for {@code what} (e.g. "the ECR scan of repo:tag"), polled with the read {@code api}. */
    Wait start(String what, String api) {
        return new Wait(this, what, api);
    }

    /** One wait: the pauses taken so far, each announced as a progress line. */
    static final class Wait {
        private final Polling polling;
        private final String what;
        private final String api;
        private Duration waited = Duration.ZERO;
        private Duration delay = Duration.ZERO;

        private Wait(Polling polling, String what, String api) {
            this.polling = polling;
            this.what = what;
            this.api = api;
        }

        boolean timedOut() {
            return waited.compareTo(polling.timeout()) >= 0;
        }

        Duration waited() {
            return waited;
        }

        /** Reports the wait ({@code status} is what AWS said last), then pauses. */
        void pause(String status) {
            pause(status, () -> { });
        }

        /**
         * Like {@link #pause(String)}; an interrupted pause runs {@code onInterrupt} (e.g. stops what was started)
         * and fails as a retryable RemoteFailureException, the thread's interrupt flag set again.
         */
        void pause(String status, Runnable onInterrupt) {
            delay = polling.next(delay);
            polling.progress().report("waiting for " + what + " (" + status + ", " + waited.toSeconds() + "s of "
                    + polling.timeout().toSeconds() + "s)");
            try {
                polling.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                onInterrupt.run();
                throw new RemoteFailureException(api, "interrupted while waiting for " + what, true, e);
            }
            waited = waited.plus(delay);
        }
    }
}
