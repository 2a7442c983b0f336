package io.tdev.ops.api;

import io.tdev.ops.change.RolloutWatch;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.ScaleResult;
import io.tdev.ops.api.change.Stability;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The map facade's {@code finishRollout} (the engine has no map reader: this goes with the facade): reads the first call's result map and the caller's last look back and
 * finishes through {@link RolloutWatch}. Only the facade uses it; typed callers keep a {@link PendingChange}.
 */
@Deprecated // removed when the plugin and the shared library's tests switch to RolloutWatchUseCase (issue 8)
final class FacadeFinishRollout {
    public static final List<String> OPERATIONS = List.of("rollback", "ecsDeploy", "scale");

    /**
     * @param operation   rollback | ecsDeploy | scale: the facade call that started the rollout
     * @param started     the map that call returned (status STARTED)
     * @param lastLook    the caller's last {@code stability} look; null = look now
     * @param startedAt   when the wait began; null = when the first call made its last change (its actions)
     * @param notifyTeam  rollback only: publish the outcome to SNS; null = true (as rollback's notify)
     * @param abandonedBy the caller stopped waiting before the timeout (null = it waited it out)
     */
    public record Request(String operation, Map<?, ?> started, Map<?, ?> lastLook, Instant startedAt,
                          Boolean notifyTeam, String abandonedBy) {
    }

    private final OpsContext ctx;

    FacadeFinishRollout(OpsContext ctx) {
        this.ctx = ctx;
    }

    public ChangeResult run(Request request) {
        String op = request.operation() == null ? null : request.operation().trim();
        if (op == null || op.isEmpty()) {
            throw new InvalidInputException("operation", "is required; allowed values: " + String.join(", ", OPERATIONS));
        }
        if (!OPERATIONS.contains(op)) {
            throw InvalidInputException.notAllowed("operation", op, OPERATIONS);
        }
        if (request.notifyTeam() != null && !op.equals("rollback")) {
            throw new InvalidInputException("notify", "only a rollback notifies the team; " + op + " takes no notify");
        }
        FacadeResultMaps m = FacadeResultMaps.of(request.started(), "started");
        ChangeResult started = switch (op) {
            case "rollback" -> RollbackResult.of(m.ref("from"), m.ref("to"), m.string("target"),
                    m.string("chosenBecause"), m.enumValue("status", ChangeStatus.class), m.string("reason"),
                    m.string("by"), m.string("message"), m.string("next"),
                    m.string("notification"),
                    m.string("stoppedDeploymentId"), null, m.actions("actions"));
            case "ecsDeploy" -> DeployResult.of(m.ref("from"), m.ref("to"), m.string("container"),
                    m.requiredString("image"), m.enumValue("status", ChangeStatus.class), m.string("deploymentId"),
                    m.string("message"), m.string("next"), null, m.actions("actions"));
            default -> ScaleResult.of(m.requiredInt("from"), m.requiredInt("to"), m.requiredString("requested"),
                    m.enumValue("status", ChangeStatus.class), m.integer("minCapacity"), m.integer("maxCapacity"),
                    m.integer("previousMinCapacity"), m.integer("previousMaxCapacity"), m.string("restore"),
                    m.string("message"), m.string("next"), null, m.actions("actions"));
        };
        started.status().requireStarted();
        Instant since = request.startedAt() != null ? request.startedAt() : started.actions().stream()
                .filter(a -> !a.dryRun()).map(Action::at).filter(Objects::nonNull).max(Instant::compareTo)
                .orElseThrow(() -> new InvalidInputException("startedAt", "is required when the started result has"
                        + " no timed actions: the ISO-8601 instant the wait began"));
        PendingChange pending = PendingChange.of(started, ctx.config().name(), ctx.config().serviceRef(), since, since,
                op.equals("rollback") ? !Boolean.FALSE.equals(request.notifyTeam()) : null);
        Stability look = request.lastLook() == null ? null : stability(FacadeResultMaps.of(request.lastLook(), "stability"));
        return new RolloutWatch(ctx).finish(pending, look, request.abandonedBy());
    }

    /** The facade's {@code stability} map read back; errors name the key under {@code stability.}. */
    public static Stability stability(Map<?, ?> map) {
        return stability(FacadeResultMaps.of(map, "stability"));
    }

    private static Stability stability(FacadeResultMaps m) {
        return new Stability(m.bool("done"), m.bool("stable"), m.bool("failed"), m.string("message"),
                m.optionalRef("revision"), m.optionalRef("current"), m.rolloutState("rolloutState"),
                m.requiredInt("running"), m.requiredInt("desired"), m.requiredInt("pending"),
                m.boolOrFalse("circuitBreakerRolledBack"));
    }
}
