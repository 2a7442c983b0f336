package io.tdev.ops.runbook;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tags a revision known-good ({@code deploy.knownGoodTag} = "TIME by WHO") after it passed its post-deploy
 * health check, so that {@code rollback} to {@code last-known-good} can find it.
 */
public final class MarkKnownGood {
    private final RunContext ctx;

    public MarkKnownGood(RunContext ctx) {
        this.ctx = ctx;
    }

    /** @param revision N, FAMILY:N or an ARN; null = the service's current revision */
    public MarkKnownGoodResult run(String revision, boolean dryRun) {
        ServiceRef ref = ctx.config().serviceRef();
        TaskDefinitionRef current = ctx.retry().call(() -> ctx.ports().ecs().describeService(ref)).taskDefinition();
        TaskDefinitionRef target = revision == null || revision.isBlank() ? current
                : RevisionSpec.parse(revision, "revision", current.family());
        TaskDefinition td = ctx.retry().call(() -> ctx.ports().ecs().describeTaskDefinition(target.toString()));
        if (!td.active()) {
            throw new PreconditionFailedException(target + " is " + td.status()
                    + " (deregistered): a rollback could not use it, so it is not marked known-good");
        }
        String tag = ctx.config().deploy().knownGoodTag();
        Instant now = ctx.clock().instant();
        String value = now + " by " + ctx.user();
        String before = td.tags().getOrDefault(tag, "(not tagged)");
        Action action = new Action("tag known-good", target.toString(), before, tag + "=" + value, now, dryRun);
        if (dryRun) {
            return new MarkKnownGoodResult(target, tag, value, ChangeStatus.PLANNED,
                    "would tag " + target + " " + tag + "=" + value, List.of(action));
        }
        ctx.ports().ecs().tagTaskDefinition(target, Map.of(tag, value));
        String message = "tagged " + target + " " + tag + "=" + value;
        ctx.progress().report(message);
        return new MarkKnownGoodResult(target, tag, value, ChangeStatus.COMPLETED, message, List.of(action));
    }
}
