package io.tdev.ops.admin;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.admin.AdminResult;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.EcsTask;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ServiceRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * restart-agent by ECS tasks ({@code incident.restartAgent.via: ecs-tasks}): the agent runs as its own ECS service
 * ({@code incident.restartAgent.service}, {@code {agent}} replaced, in {@code ecs.cluster}). Its RUNNING tasks are
 * stopped one at a time, oldest first, each with a stop reason naming who and why; before the next stop, the service's
 * replacement must be RUNNING (a task that was not there before, counted against those stopped so far), so the agent
 * never loses more than one task's capacity. A replacement not RUNNING within
 * {@code incident.restartAgent.replacementTimeoutSeconds} stops the restart, saying how far it got and what to run next.
 */
final class AgentTaskRestart {
    private final OpsContext context;
    private final EnvironmentConfig.AgentRestart settings;

    AgentTaskRestart(OpsContext context) {
        this.context = context;
        this.settings = context.config().incident().restartAgent();
    }

    AdminResult run(String agent, String reason, boolean dryRun) {
        ServiceRef service = new ServiceRef(context.config().ecs().cluster(), settings.serviceOf(agent));
        String call = "ECS StopTask " + service.service();
        List<EcsTask> before = context.ports().ecs().serviceTasks(service);
        List<EcsTask> running = before.stream().filter(EcsTask::running).toList();
        if (running.isEmpty()) {
            throw new PreconditionFailedException("ECS service " + service + " has no RUNNING task to restart ("
                    + before.size() + " starting); nothing was stopped; check incident.restartAgent.service or the"
                    + " service's events");
        }
        String ids = running.stream().map(EcsTask::id).collect(Collectors.joining(", "));
        String what = "restart agent " + agent + (reason == null ? "" : " (" + reason + ")");
        if (dryRun) {
            String plan = "would stop " + running.size() + " task(s) of " + service.service() + " one at a time, each"
                    + " replacement RUNNING before the next: " + ids;
            return new AdminResult(call, "PLANNED", agent, 0, plan, 0,
                    List.of(new Action(what, service.toString(), running.size() + " tasks", plan, context.clock().instant(), true)));
        }
        String stopReason = clip("tdev-ops restart-agent " + agent + " by " + context.user()
                + (reason == null ? "" : ": " + reason));
        Set<String> old = before.stream().map(EcsTask::arn).collect(Collectors.toCollection(HashSet::new));
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            EcsTask task = running.get(i);
            context.progress().report("stopping task " + (i + 1) + " of " + running.size() + " of " + service.service()
                    + ": " + task.id());
            context.ports().ecs().stopTask(service.cluster(), task.arn(), stopReason);
            actions.add(new Action(what + " by " + context.user(), task.arn(), "RUNNING", "stopped", context.clock().instant(), false));
            EcsTask replacement = awaitReplacement(service, old, i + 1, task, running.size());
            old.add(replacement.arn());
            actions.add(new Action("replacement of " + task.id(), replacement.arn(), null, "RUNNING",
                    context.clock().instant(), false));
        }
        return new AdminResult(call, "DONE", agent, 0, running.size() + " task(s) of " + service.service()
                + " replaced one at a time: " + ids, running.size(), actions);
    }

    /** Polls the service until {@code stopped} tasks that were not there before are RUNNING; returns the newest. */
    private EcsTask awaitReplacement(ServiceRef service, Set<String> old, int stopped, EcsTask task, int of) {
        Duration timeout = Duration.ofSeconds(settings.replacementTimeoutSeconds());
        Duration poll = Duration.ofSeconds(context.config().deploy().pollSeconds());
        Instant deadline = context.clock().instant().plus(timeout);
        while (true) {
            List<EcsTask> fresh = context.ports().ecs().serviceTasks(service).stream()
                    .filter(t -> !old.contains(t.arn()) && t.running()).toList();
            if (!fresh.isEmpty()) {
                return fresh.get(fresh.size() - 1);
            }
            if (!context.clock().instant().isBefore(deadline)) {
                throw new RemoteFailureException("ecs:DescribeTasks", "restart of " + service.service() + " stopped after "
                        + stopped + " of " + of + " task(s): the replacement of " + task.id() + " is not RUNNING after "
                        + timeout.toSeconds() + " s (incident.restartAgent.replacementTimeoutSeconds); look at the service's"
                        + " events, then run restart-agent again to stop the tasks not yet replaced", false);
            }
            context.progress().report("waiting for the replacement of " + task.id() + " to be RUNNING (" + stopped + " of "
                    + of + " stopped)");
            try {
                context.sleeper().sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteFailureException("ecs:DescribeTasks", "interrupted after stopping " + stopped + " of " + of
                        + " task(s) of " + service.service() + "; ECS replaces the stopped ones by itself; run restart-agent"
                        + " again to stop the rest", false, e);
            }
        }
    }

    /** ECS takes a stop reason of at most 1024 characters. */
    private static String clip(String text) {
        return text.length() <= 1024 ? text : text.substring(0, 1021) + "...";
    }
}
