package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.RollbackTarget;
import io.tdev.ops.api.change.RollbackUseCase;
import io.tdev.ops.api.change.Stability;

import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Failures;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.support.Waits;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runbook's emergency rollback: choose the target revision, stop a deployment still rolling, point the service
 * at the target, wait until stable, notify SNS (from, to, reason, who). Idempotent: already on the target changes
 * nothing, and running it again after a timeout resumes the wait.
 */
public final class Rollback implements RollbackUseCase {
    public static final String LAST_KNOWN_GOOD = RollbackTarget.LAST_KNOWN_GOOD;
    public static final String PREVIOUS = RollbackTarget.PREVIOUS;

    private record Choice(TaskDefinitionRef ref, String because) {
    }

    private final OpsContext ctx;

    public Rollback(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RollbackResult run(RollbackRequest request) {
        RollbackTarget target = request.target();
        String reason = request.reason();
        Duration timeout = Timeouts.stable(ctx, request.timeout());
        ServiceRef ref = ctx.config().serviceRef();
        ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(ref));
        TaskDefinitionRef from = s.taskDefinition();
        Choice choice = choose(target, s);
        TaskDefinition td = ctx.retry().call(() -> ctx.ports().ecs().describeTaskDefinition(choice.ref().toString()));
        if (!td.active()) {
            throw new PreconditionFailedException("cannot roll back to " + choice.ref() + ": it is " + td.status()
                    + " (deregistered); choose an ACTIVE revision (target: previous, last-known-good or a number)");
        }
        TaskDefinitionRef to = choice.ref();
        boolean inProgress = s.deploymentInProgress();
        Stability already = from.equals(to) && !inProgress ? StabilityCheck.look(s, to, null) : null;
        // UNCHANGED only when the target's rollout stands; one that FAILED (e.g. the circuit breaker stopped it
        // without a rollback) is not "nothing to do": it is rolled out again below and its outcome reported
        if (already != null && !already.failed()) {
            String msg = ref.service() + " already runs " + to + " (" + choice.because() + "); nothing to roll back";
            ctx.progress().report(msg);
            return RollbackResult.of(from, to, target.text(), choice.because(), ChangeStatus.UNCHANGED, reason, ctx.user(),
                    msg, null, null, null, already, List.of());
        }

        // only a rollout still running can be stopped; a FAILED one is simply replaced by the update
        Optional<Deployment> rolling = inProgress && !from.equals(to)
                ? s.primaryDeployment().filter(d -> d.rolloutState() == RolloutState.IN_PROGRESS) : Optional.empty();
        String[] stoppedId = {null};
        ChangePlan plan = plan(s, to, rolling, request.notifyTeam(), stoppedId);
        if (request.dryRun()) {
            String msg = "would roll " + ref.service() + " back from " + from + " to " + to + " (" + choice.because() + ")"
                    + rolling.map(d -> ", stopping deployment " + d.id() + " first").orElse("");
            ctx.progress().report("dry run: " + msg);
            return RollbackResult.of(from, to, target.text(), choice.because(), ChangeStatus.PLANNED, reason, ctx.user(),
                    msg, null, null, null, null, plan.planned());
        }

        List<Action> actions = new ArrayList<>(plan.apply());
        String stopped = stoppedId[0];
        String message = "rolling " + ref.service() + " back from " + from + " to " + to + "; not waiting";
        RollbackResult started = RollbackResult.of(from, to, target.text(), choice.because(), ChangeStatus.STARTED, reason,
                ctx.user(), message, null, null, stopped, null, actions);
        if (!request.waitForStable()) {
            String notification = request.notifyTeam()
                    ? notify(from, to, reason, ctx.user(), ChangeStatus.STARTED, message, actions) : null;
            return RollbackResult.of(from, to, target.text(), choice.because(), ChangeStatus.STARTED, reason, ctx.user(),
                    message, null, notification, stopped, null, actions);
        }
        StableWait.Result waited;
        try {
            waited = new StableWait(ctx).waitFor(ref, to, null, timeout);
        } catch (TdevException e) {
            String where = ref.service() + " points at " + to + " (rolled back from " + from + ") but watching it"
                    + " become stable failed; run `" + command(to) + "` again to keep waiting (it will not update twice)";
            if (request.notifyTeam()) {
                notify(from, to, reason, ctx.user(), ChangeStatus.STARTED, where + ": " + e.getMessage(), actions);
            }
            throw Failures.withContext(e, where);
        }
        return finish(started, waited, request.notifyTeam());
    }

    /**
     * The rollback's steps: stop the rollout still running, point the service at the target, notify at the end. The
     * dry run shows them; the real run applies them.
     */
    private ChangePlan plan(ServiceState s, TaskDefinitionRef to, Optional<Deployment> rolling, boolean notifyTeam,
                            String[] stoppedId) {
        ServiceRef ref = s.ref();
        ChangePlan plan = new ChangePlan(ctx.clock());
        if (rolling.isPresent()) {
            Deployment d = rolling.get();
            plan.add("stop deployment", ref + " " + d.id(), d.taskDefinition() + " " + d.rolloutState(), "stopped",
                    step -> {
                        ctx.progress().report("stopping deployment " + d.id() + " of " + d.taskDefinition() + " ("
                                + d.rolloutState() + ", running " + d.running() + "/" + d.desired() + ")");
                        try {
                            ctx.ports().ecs().stopDeployment(ref, d.id());
                        } catch (TdevException e) {
                            throw Failures.withContext(e, "rollback of " + ref.service() + " to " + to + " stopped before"
                                    + " changing anything: could not stop deployment " + d.id() + "; run again: "
                                    + command(to));
                        }
                        stoppedId[0] = d.id();
                        return step;
                    });
        }
        if (!s.taskDefinition().equals(to)) {
            plan.add("update service", ref.toString(), s.taskDefinition().toString(), to.toString(),
                    pointAt(s, to, stoppedId));
        }
        if (notifyTeam) {
            plan.addAtEnd("notify", ctx.config().topic(), null, "rollback " + s.taskDefinition() + " -> " + to);
        }
        return plan;
    }

    /**
     * Points the service at {@code to}. After a stop it is looked at again: ECS returns a stopped rollout's service to
     * the deployment before it, and when that is the target, the stop has done this step (the service went from the
     * stopped revision to the target), so it is not updated a second time.
     */
    private ChangePlan.Apply pointAt(ServiceState s, TaskDefinitionRef to, String[] stoppedId) {
        ServiceRef ref = s.ref();
        return step -> {
            ServiceState now = stoppedId[0] == null ? s : ctx.retry().call(() -> ctx.ports().ecs().describeService(ref));
            TaskDefinitionRef before = now.taskDefinition();
            if (before.equals(to)) {
                ctx.progress().report("stopping the rollout returned " + ref.service() + " to " + to
                        + "; no update needed");
                return step;
            }
            try {
                ctx.ports().ecs().updateService(ref, to);
            } catch (TdevException e) {
                throw Failures.withContext(e, "rollback of " + ref.service() + " stopped before pointing it at " + to
                        + (stoppedId[0] == null ? "" : " (deployment " + stoppedId[0] + " was stopped; the service"
                        + " runs " + before + ")") + "; run again: " + command(to));
            }
            ctx.progress().report("updated " + ref.service() + " from " + before + " to " + to);
            return step.withBefore(before.toString());
        };
    }

    /**
     * The final word on a STARTED rollback, from how the wait for it ended: COMPLETED, FAILED, TIMED_OUT or ABANDONED, where it
     * stopped and what to run next, and with {@code notifyTeam} the outcome published to SNS. The engine's own wait
     * ends here, and so does a wait a Jenkins step did itself ({@link RolloutWatch}): one place decides both.
     */
    public RollbackResult finish(RollbackResult started, StableWait.Result waited, boolean notifyTeam) {
        started.status().requireStarted();
        TaskDefinitionRef from = started.from();
        TaskDefinitionRef to = started.to();
        String service = ctx.config().serviceRef().service();
        ChangeStatus status = waited.outcome().status();
        Stability last = waited.last();
        String message = switch (waited.outcome()) {
            case STABLE -> service + " rolled back from " + from + " to " + to + " and is stable";
            case FAILED -> "the service points at " + to + " but its rollout failed: " + last.message();
            case TIMED_OUT -> "the service points at " + to + " but was not stable after "
                    + Durations.format(waited.waited()) + ": " + last.message();
            case ABANDONED -> StableWait.abandoned(waited, "the rollback to " + to);
        };
        String next = status.ok() ? null : (status == ChangeStatus.ABANDONED ? "to keep watching run `" + command(to)
                + "` (it will not update twice)" : "run `" + command(to) + "` again to keep waiting (it will not update twice)")
                + ", check with `tdev-ops health --env " + ctx.config().name() + "`, or roll back to another revision"
                + " (target: previous or a number)";
        List<Action> actions = new ArrayList<>(started.actions());
        String notification = notifyTeam
                ? notify(from, to, started.reason(), started.by(), status, message, actions) : started.notification();
        return RollbackResult.of(from, to, started.target(), started.chosenBecause(), status, started.reason(),
                started.by(), message, next, notification, started.stoppedDeploymentId(), last, actions);
    }

    private String command(TaskDefinitionRef to) {
        return "tdev-ops rollback --env " + ctx.config().name() + " --target " + to;
    }

    private String notify(TaskDefinitionRef from, TaskDefinitionRef to, String reason, String by, ChangeStatus status,
                          String outcome, List<Action> actions) {
        String env = ctx.config().name();
        // the status leads: SNS cuts subjects at 100 characters, and the outcome is what the person on call reads first
        String subject = "[" + env + "] rollback " + status + ": " + ctx.config().ecs().service() + " " + from + " -> " + to;
        if (subject.length() > 100) {
            subject = subject.substring(0, 97) + "...";
        }
        String body = "Rollback of " + ctx.config().serviceRef() + " (" + env + ")\n"
                + "from: " + from + "\n" + "to: " + to + "\n" + "reason: " + reason + "\n" + "by: " + by + "\n"
                + "at: " + ctx.clock().instant() + "\n" + "outcome: " + status + ": " + outcome + "\n";
        try {
            String id = ctx.ports().notifier().publish(ctx.config().topic(), subject, body);
            actions.add(new Action("notify", ctx.config().topic(), null, "message " + id, ctx.clock().instant(), false));
            return "sent: message " + id;
        } catch (TdevException e) {
            // the rollback itself happened; a lost notification must not hide that, so it is reported, not thrown
            ctx.progress().report("could not notify " + ctx.config().topic() + ": " + e.getMessage());
            return "FAILED: " + e.getMessage();
        }
    }

    private Choice choose(RollbackTarget target, ServiceState s) {
        TaskDefinitionRef current = s.taskDefinition();
        String family = current.family();
        if (target.kind() == RollbackTarget.Kind.LAST_KNOWN_GOOD) {
            // run again while a rollback to a known-good revision is still rolling: that rollout is the target
            boolean rollingToCurrent = s.deploymentInProgress() && s.primaryDeployment()
                    .filter(d -> d.rolloutState() == RolloutState.IN_PROGRESS).isPresent();
            if (rollingToCurrent) {
                String tag = ctx.config().deploy().knownGoodTag();
                Map<String, String> tags = ctx.retry().call(() -> ctx.ports().ecs().tagsOf(current));
                if (tags.containsKey(tag)) {
                    return new Choice(current, "the rollout in progress is already to " + current + ", tagged " + tag
                            + " (" + tags.get(tag) + ")");
                }
            }
            return KnownGood.newest(ctx, family, current)
                    .map(m -> new Choice(m.ref(), "newest ACTIVE revision tagged " + ctx.config().deploy().knownGoodTag()
                            + " (" + m.taggedAs() + ")"))
                    .orElseThrow(() -> new PreconditionFailedException("nothing to roll back to: no ACTIVE revision of "
                            + family + " other than the current " + current + " is tagged "
                            + ctx.config().deploy().knownGoodTag() + "; roll back to target previous or a revision "
                            + "number, and mark revisions known-good after a passed health check (mark-known-good)"));
        }
        if (target.kind() == RollbackTarget.Kind.PREVIOUS) {
            Optional<Deployment> older = s.deployments().stream()
                    .filter(d -> !d.primary() && !d.taskDefinition().equals(current))
                    .max((a, b) -> compareCreated(a, b));
            if (older.isPresent()) {
                return new Choice(older.get().taskDefinition(), "the previous deployment's task definition ("
                        + older.get().id() + ")");
            }
            List<TaskDefinitionRef> active = ctx.retry().call(() -> ctx.ports().ecs().listTaskDefinitions(family, true));
            return active.stream().filter(r -> r.family().equals(family) && r.revision() < current.revision())
                    .max(TaskDefinitionRef::compareTo)
                    .map(r -> new Choice(r, "the highest ACTIVE revision below the current " + current))
                    .orElseThrow(() -> new PreconditionFailedException("nothing to roll back to: no previous deployment"
                            + " is listed and no ACTIVE revision of " + family + " is below the current " + current));
        }
        return new Choice(target.revision().in(family), "asked for");
    }

    private static int compareCreated(Deployment a, Deployment b) {
        if (a.createdAt() == null || b.createdAt() == null) {
            return Integer.compare(a.taskDefinition().revision(), b.taskDefinition().revision());
        }
        return a.createdAt().compareTo(b.createdAt());
    }
}
