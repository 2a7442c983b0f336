package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Looks at something every {@code dr.pollSeconds} until it is done or {@code dr.waitTimeoutMinutes} passed, with a
 * progress line per look, on the injected clock and sleeper. Reads are retried when AWS says so. An interrupt (an
 * aborted Jenkins build, Ctrl-C) ends the wait at once with the thread's interrupt flag set again: the caller says
 * the change goes on, and the front end turns the flag into its abort.
 */
final class Wait {
    record Ended<T>(T last, boolean done, boolean interrupted, Duration waited) {
        /** Why the wait ended without the thing being done, for people. */
        String why(String what, Duration timeout) {
            return interrupted ? "stopped waiting for " + what + " after " + Durations.format(waited) + " (interrupted)"
                    : "gave up waiting for " + what + " after " + Durations.format(timeout);
        }
    }

    private Wait() {
    }

    static Duration timeout(OpsContext ctx) {
        return Duration.ofMinutes(ctx.config().dr().waitTimeoutMinutes());
    }

    static <T> Ended<T> until(OpsContext ctx, String what, Supplier<T> look, Predicate<T> done, Function<T, String> state) {
        Retry retry = Retry.reads(ctx.sleeper());
        Duration timeout = timeout(ctx);
        Duration poll = Duration.ofSeconds(ctx.config().dr().pollSeconds());
        Instant start = ctx.clock().instant();
        T last = retry.call(look);
        while (true) {
            Duration waited = Duration.between(start, ctx.clock().instant());
            if (done.test(last)) {
                ctx.progress().report(what + ": " + state.apply(last) + " (after " + Durations.format(waited) + ")");
                return new Ended<>(last, true, false, waited);
            }
            if (waited.compareTo(timeout) >= 0) {
                ctx.progress().report("gave up waiting for " + what + ": still " + state.apply(last) + " after "
                        + Durations.format(waited));
                return new Ended<>(last, false, false, waited);
            }
            ctx.progress().report("waiting for " + what + ": " + state.apply(last) + " (" + Durations.format(waited)
                    + " of " + Durations.format(timeout) + ")");
            Duration left = timeout.minus(waited);
            try {
                ctx.sleeper().sleep(left.compareTo(poll) < 0 ? left : poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Ended<>(last, false, true, Duration.between(start, ctx.clock().instant()));
            }
            last = retry.call(look);
        }
    }
}
