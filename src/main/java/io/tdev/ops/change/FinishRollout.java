package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.OpsResult;
import io.tdev.ops.api.OpsContext;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The final result of a rollout somebody else waited for: the Jenkins step starts a rollback, deploy or scaling with
 * {@code wait: false}, polls {@code stability} itself (so it survives a restart), and hands the first result and its
 * last look back here. The answer is the result {@code wait: true} would have given, built by the same
 * {@code finish} of the use case (status, message, next, stability) and, for a rollback with notify, the final
 * outcome published to SNS, so the person on call gets the last word and not only "STARTED".
 */
public final class FinishRollout {
    public static final List<String> OPERATIONS = List.of("rollback", "ecsDeploy", "scale");

    /**
     * @param operation  rollback | ecsDeploy | scale: the facade call that started the rollout
     * @param started    the map that call returned (status STARTED)
     * @param lastLook   the caller's last {@code stability} look; null = look now
     * @param startedAt  when the wait began; null = when the first call made its last change (its actions)
     * @param notifyTeam rollback only: publish the outcome to SNS; null = true (as rollback's notify)
     * @param abandonedBy the caller stopped waiting before the timeout, e.g. "aborted by alice" (a Jenkins build
     *                    aborted): a look not done is ABANDONED, not TIMED_OUT; null = the caller waited it out
     */
    public record Request(String operation, Map<?, ?> started, Map<?, ?> lastLook, Instant startedAt,
                          Boolean notifyTeam, String abandonedBy) {
        public Request(String operation, Map<?, ?> started, Map<?, ?> lastLook, Instant startedAt, Boolean notifyTeam) {
            this(operation, started, lastLook, startedAt, notifyTeam, null);
        }
    }

    private final OpsContext ctx;

    public FinishRollout(OpsContext ctx) {
        this.ctx = ctx;
    }

    public OpsResult run(Request request) {
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
        if (request.abandonedBy() != null && request.abandonedBy().isBlank()) {
            throw new InvalidInputException("abandonedBy", "is blank; say who stopped waiting, e.g. \"aborted by alice\","
                    + " or leave it out when the wait ran to its end");
        }
        ResultMaps started = ResultMaps.of(request.started(), "started");
        OpsResult result = switch (op) {
            case "rollback" -> {
                RollbackResult r = RollbackResult.from(started);
                requireStarted(r.status());
                Stability look = lastLook(request.lastLook(), r.to(), null);
                yield new Rollback(ctx).finish(r, wait(look, request, r.actions()),
                        !Boolean.FALSE.equals(request.notifyTeam()));
            }
            case "ecsDeploy" -> {
                DeployResult r = DeployResult.from(started);
                requireStarted(r.status());
                Stability look = lastLook(request.lastLook(), r.to(), null);
                yield new Deploy(ctx).finish(r, wait(look, request, r.actions()));
            }
            default -> {
                ScaleResult r = ScaleResult.from(started);
                requireStarted(r.status());
                Stability look = lastLook(request.lastLook(), null, r.to());
                yield new Scale(ctx).finish(r, wait(look, request, r.actions()));
            }
        };
        ctx.progress().report(result.summary());
        return result;
    }

    /** Only a change that was made and not waited for has an outcome still to decide. */
    static void requireStarted(ChangeStatus status) {
        if (status != ChangeStatus.STARTED) {
            throw new InvalidInputException("started.status", "is " + status + "; only a change started with wait: false"
                    + " (status STARTED) has a final outcome to decide, a " + status + " result is already final");
        }
    }

    private Stability lastLook(Map<?, ?> given, TaskDefinitionRef revision, Integer desired) {
        if (given != null) {
            Stability look = Stability.fromMap(given, "stability");
            if (revision != null && look.expected() != null && !look.expected().equals(revision)) {
                throw new InvalidInputException("stability.revision", "is " + look.expected() + " but this rollout"
                        + " went to " + revision + "; pass the last look at this rollout");
            }
            return look;
        }
        ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(ctx.config().serviceRef()));
        return StabilityCheck.look(s, revision, desired);
    }

    private StableWait.Result wait(Stability look, Request request, List<Action> actions) {
        Instant startedAt = request.startedAt();
        Instant begin = startedAt != null ? startedAt : actions.stream()
                .filter(a -> !a.dryRun()).map(Action::at).filter(Objects::nonNull).max(Instant::compareTo)
                .orElseThrow(() -> new InvalidInputException("startedAt", "is required when the started result has"
                        + " no timed actions: the ISO-8601 instant the wait began"));
        Duration waited = Duration.between(begin, ctx.clock().instant());
        Duration took = waited.isNegative() ? Duration.ZERO : waited;
        return request.abandonedBy() == null ? StableWait.Result.of(look, took)
                : StableWait.Result.abandoned(look, took, request.abandonedBy().trim());
    }
}
