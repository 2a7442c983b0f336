package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodResult;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;

import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.api.OpsContext;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tags a revision known-good ({@code deploy.knownGoodTag} = "TIME by WHO") after it passed its post-deploy
 * health check, so that {@code rollback} to {@code last-known-good} can find it.
 */
public final class MarkKnownGood implements MarkKnownGoodUseCase {
    private final OpsContext ctx;

    public MarkKnownGood(OpsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Without {@code requireHealthy}: mark as asked (a person's decision); with it, mark only under
     * {@link KnownGoodRule}, judged on a health check taken now (the bake's baseline, ignored alarms).
     */
    @Override
    public MarkKnownGoodResult run(MarkKnownGoodRequest request) {
        boolean dryRun = request.dryRun();
        HealthOptions afterHealth = request.requireHealthy() ? HealthOptions.defaults()
                .withBaseline(request.baselineTime()).withIgnoreAlarms(request.ignoreAlarms()) : null;
        ServiceRef ref = ctx.config().serviceRef();
        ServiceState service = ctx.retry().call(() -> ctx.ports().ecs().describeService(ref));
        TaskDefinitionRef current = service.taskDefinition();
        TaskDefinitionRef target = request.revision() == null ? current : request.revision().in(current.family());
        TaskDefinition td = ctx.retry().call(() -> ctx.ports().ecs().describeTaskDefinition(target.toString()));
        if (!td.active()) {
            throw new PreconditionFailedException(target + " is " + td.status()
                    + " (deregistered): a rollback could not use it, so it is not marked known-good");
        }
        String evidence = "";
        if (afterHealth != null) {
            HealthResult health = new HealthCheck(ctx).run(afterHealth);
            Optional<String> refusal = KnownGoodRule.refusal(service, target, health);
            if (refusal.isPresent()) {
                throw new PreconditionFailedException(target + " is not marked known-good: " + refusal.get()
                        + ". Known-good needs a HEALTHY check on a completed rollout of that revision");
            }
            evidence = " after a HEALTHY check at " + health.checkedAt() + " on its completed rollout";
        }
        String tag = ctx.config().deploy().knownGoodTag();
        Instant now = ctx.clock().instant();
        String value = now + " by " + ctx.user();
        if (td.tags().containsKey(tag)) {
            // Re-tagging would only move the date: the revision already is a rollback target.
            return MarkKnownGoodResult.of(target, tag, td.tags().get(tag), ChangeStatus.UNCHANGED, target
                    + " is already tagged " + tag + "=" + td.tags().get(tag) + "; left as it is", List.of());
        }
        String before = "(not tagged)";
        Action action = new Action("tag known-good", target.toString(), before, tag + "=" + value, now, dryRun);
        if (dryRun) {
            return MarkKnownGoodResult.of(target, tag, value, ChangeStatus.PLANNED,
                    "would tag " + target + " " + tag + "=" + value, List.of(action));
        }
        ctx.ports().ecs().tagTaskDefinition(target, Map.of(tag, value));
        String message = "tagged " + target + " " + tag + "=" + value + evidence;
        ctx.progress().report(message);
        return MarkKnownGoodResult.of(target, tag, value, ChangeStatus.COMPLETED, message, List.of(action));
    }
}
