package io.tdev.ops.change;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.RolloutWatchUseCase;
import io.tdev.ops.api.change.ScaleResult;
import io.tdev.ops.api.change.Stability;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The final result of a rollout somebody else waited for (the Jenkins step, which keeps a {@link PendingChange} so
 * that it survives a restart): one look at a time, and at the end the result {@code wait: true} would have given,
 * built by the same {@code finish} of the use case (status, message, next, stability) and, for a rollback that tells
 * the team, the final outcome published to SNS, so the person on call gets the last word and not only "STARTED".
 */
public final class RolloutWatch implements RolloutWatchUseCase {
    private final OpsContext ctx;

    public RolloutWatch(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public PendingChange pending(ChangeResult started, Duration timeout) {
        started.status().requireStarted();
        Instant since = started.actions().stream().filter(a -> !a.dryRun()).map(Action::at).filter(Objects::nonNull)
                .max(Instant::compareTo).orElseGet(() -> ctx.clock().instant());
        return PendingChange.of(started, ctx.config().name(), ctx.config().serviceRef(), since,
                since.plus(Timeouts.stable(ctx, timeout)), null);
    }

    @Override
    public Stability look(PendingChange change) {
        requireOurs(change);
        ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(change.service()));
        return StabilityCheck.look(s, change.revision(), change.desiredCount());
    }

    @Override
    public ChangeResult finish(PendingChange change, Stability lastLook, String abandonedBy) {
        requireOurs(change);
        if (abandonedBy != null && abandonedBy.isBlank()) {
            throw new InvalidInputException("abandonedBy", "is blank; say who stopped waiting, e.g. \"aborted by alice\","
                    + " or leave it out when the wait ran to its end");
        }
        Stability look = lastLook != null ? checked(lastLook, change.revision()) : look(change);
        StableWait.Result waited = waited(look, change.since(), abandonedBy);
        ChangeResult result = switch (change.kind()) {
            case ROLLBACK -> new Rollback(ctx).finish((RollbackResult) change.started(), waited, change.notifyTeam());
            case DEPLOY -> new Deploy(ctx).finish((DeployResult) change.started(), waited);
            case SCALE -> new Scale(ctx).finish((ScaleResult) change.started(), waited);
        };
        ctx.progress().report(change.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + result.status() + ": "
                + result.message());
        return result;
    }

    /** A pending change is finished in the environment and on the service it was made for, nowhere else. */
    private void requireOurs(PendingChange change) {
        if (change == null) {
            throw new InvalidInputException("pendingChange", "is required: what the change started with wait: false"
                    + " returned (RolloutWatchUseCase.pending)");
        }
        if (!change.environment().equals(ctx.config().name()) || !change.service().equals(ctx.config().serviceRef())) {
            throw new InvalidInputException("pendingChange", "is a change of " + change.service() + " in "
                    + change.environment() + ", not of " + ctx.config().serviceRef() + " in " + ctx.config().name()
                    + "; finish it in its own environment");
        }
    }

    private static Stability checked(Stability look, TaskDefinitionRef revision) {
        if (revision != null && look.revision() != null && !look.revision().equals(revision)) {
            throw new InvalidInputException("stability.revision", "is " + look.revision() + " but this rollout"
                    + " went to " + revision + "; pass the last look at this rollout");
        }
        return look;
    }

    /** How the wait ended, counted from {@code since} on the engine's clock. */
    StableWait.Result waited(Stability look, Instant since, String abandonedBy) {
        Duration waited = Duration.between(since, ctx.clock().instant());
        Duration took = waited.isNegative() ? Duration.ZERO : waited;
        return abandonedBy == null ? StableWait.Result.of(look, took)
                : StableWait.Result.abandoned(look, took, abandonedBy.trim());
    }
}
