package io.tdev.ops.change;

import io.tdev.ops.api.change.Stability;
import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Failures;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.support.Waits;

import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.time.Instant;

/**
 * Polls a service until its rollout is done or the timeout passes, on the injected clock and sleeper, printing
 * "waiting for SERVICE to reach REV: running 2/3, pending 1 (1m30s of 15m)" on each poll.
 */
public final class StableWait {
    /**
     * How a wait ended. ABANDONED: the waiter stopped before the timeout (a Jenkins build aborted) while the rollout
     * goes on; only {@link RolloutWatch} is told so.
     */
    public enum Outcome {
        STABLE, FAILED, TIMED_OUT, ABANDONED;

        /** How a change that waited this way ended. */
        public ChangeStatus status() {
            return switch (this) {
                case STABLE -> ChangeStatus.COMPLETED;
                case FAILED -> ChangeStatus.FAILED;
                case TIMED_OUT -> ChangeStatus.TIMED_OUT;
                case ABANDONED -> ChangeStatus.ABANDONED;
            };
        }
    }

    /**
     * The outcome with the last look and how long it took; {@code abandonedBy} names who stopped an ABANDONED wait
     * (null otherwise).
     */
    public record Result(Outcome outcome, Stability last, Duration waited, String abandonedBy) {
        public Result(Outcome outcome, Stability last, Duration waited) {
            this(outcome, last, waited, null);
        }

        /**
         * How a wait that ends with {@code last} ended: done and stable, done and failed, or not done (the waiter
         * gave up). The engine's own wait and {@link RolloutWatch} (a wait the Jenkins step did) both judge here.
         */
        public static Result of(Stability last, Duration waited) {
            Outcome outcome = !last.done() ? Outcome.TIMED_OUT : last.stable() ? Outcome.STABLE : Outcome.FAILED;
            return new Result(outcome, last, waited);
        }

        /**
         * As {@link #of}, but the waiter stopped early ({@code by}: who, e.g. "aborted by alice"): a look not done is
         * ABANDONED rather than TIMED_OUT; a done look still decides COMPLETED or FAILED.
         */
        public static Result abandoned(Stability last, Duration waited, String by) {
            Result judged = of(last, waited);
            return judged.outcome() == Outcome.TIMED_OUT ? new Result(Outcome.ABANDONED, last, waited, by) : judged;
        }
    }

    private final OpsContext ctx;

    public StableWait(OpsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * As {@link #waitFor(ServiceRef, TaskDefinitionRef, Integer, Duration)}; a failure to watch (the service cannot be
     * read) is thrown as the same kind of error led by {@code whereItStands}: what was changed and what to run next.
     */
    Result waitFor(ServiceRef ref, TaskDefinitionRef expected, Integer desired, Duration timeout, String whereItStands) {
        try {
            return waitFor(ref, expected, desired, timeout);
        } catch (TdevException e) {
            throw Failures.withContext(e, whereItStands);
        }
    }

    public Result waitFor(ServiceRef ref, TaskDefinitionRef expected, Integer desired, Duration timeout) {
        Duration poll = Duration.ofSeconds(Math.max(1, ctx.config().deploy().pollSeconds()));
        Instant start = ctx.clock().instant();
        while (true) {
            ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(ref));
            Stability look = StabilityCheck.look(s, expected, desired);
            Duration waited = Duration.between(start, ctx.clock().instant());
            if (look.done()) {
                ctx.progress().report(look.message() + " (after " + Durations.format(waited) + ")");
                return Result.of(look, waited);
            }
            if (waited.compareTo(timeout) >= 0) {
                ctx.progress().report("gave up waiting for " + ref.service() + " to reach " + look.revision()
                        + " after " + Durations.format(waited) + ": " + look.message());
                return Result.of(look, waited);
            }
            ctx.progress().report("waiting for " + ref.service() + " to reach " + look.revision() + ": running "
                    + look.running() + "/" + look.desired() + ", pending " + look.pending() + " ("
                    + Durations.format(waited) + " of " + Durations.format(timeout) + ")");
            Duration left = timeout.minus(waited);
            Waits.sleep(ctx.sleeper(), left.compareTo(poll) < 0 ? left : poll, "wait for " + ref.service());
        }
    }

    /**
     * What an abandoned wait leaves behind, for the person on call: nobody timed out, somebody stopped watching, and
     * the change was not undone.
     */
    static String abandoned(Result waited, String change) {
        return "the wait was abandoned after " + Durations.format(waited.waited()) + " (" + waited.abandonedBy()
                + "), not timed out: " + change + " stays and the rollout continues; last look: "
                + waited.last().message();
    }
}
