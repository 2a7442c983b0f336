package io.tdev.ops.sim;

import io.tdev.ops.model.EcsTask;
import io.tdev.ops.model.PreconditionFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' own ECS services (where {@code incident.restartAgent.via} is {@code ecs-tasks}): one service per agent,
 * named by {@code incident.restartAgent.service}, in the environment's cluster, two tasks each, running for days. A
 * stopped task goes STOPPING (its desired status STOPPED at once, so ListTasks no longer lists it) and STOPPED after
 * {@link #STOPPING}; the service starts a replacement at once, PENDING then RUNNING 30 to 60 s later. A failing agent
 * (the {@code failing-agent} scenario) recovers when none of the tasks it was failing on is left.
 */
final class SimAgentServices {
    static final int TASKS_PER_AGENT = 2;
    static final Duration STOPPING = Duration.ofSeconds(30);

    private static final class Task {
        final String arn;
        final String service;
        final Instant launchedAt;
        final Instant runningAt;
        String lastStatus = "PENDING";
        String desiredStatus = "RUNNING";
        Instant stoppedAt;

        Task(String arn, String service, Instant launchedAt, Instant runningAt) {
            this.arn = arn;
            this.service = service;
            this.launchedAt = launchedAt;
            this.runningAt = runningAt;
        }

        EcsTask view() {
            return new EcsTask(arn, lastStatus, desiredStatus, "service:" + service,
                    lastStatus.equals("PENDING") ? null : runningAt);
        }
    }

    private final SimWorld world;
    /** false: replacements stay PENDING (an image that cannot be pulled), for the restart's timeout path. */
    boolean replacementsStart = true;
    /** service -> its tasks, STOPPED ones included until they are gone; built on first use. */
    private Map<String, List<Task>> services;

    SimAgentServices(SimWorld world) {
        this.world = world;
    }

    /** The agent whose service this is, or null when no agent service has this name. */
    String agentOf(String service) {
        return agents().entrySet().stream().filter(e -> e.getValue().equals(service)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    List<EcsTask> tasks(String service) {
        List<Task> tasks = services().get(service);
        if (tasks == null) {
            throw new PreconditionFailedException("ECS service " + service + " not found in cluster "
                    + world.config.ecs().cluster() + " (ServiceNotFoundException); check incident.restartAgent.service");
        }
        return tasks.stream().filter(t -> t.desiredStatus.equals("RUNNING"))
                .sorted((a, b) -> a.launchedAt.compareTo(b.launchedAt)).map(Task::view).toList();
    }

    /** StopTask: a task already stopping or stopped is left as it is, as ECS does; an unknown one is not found. */
    boolean stop(String arn, Instant now) {
        for (List<Task> tasks : services().values()) {
            for (Task t : tasks) {
                if (t.arn.equals(arn)) {
                    if (t.desiredStatus.equals("RUNNING")) {
                        t.desiredStatus = "STOPPED";
                        t.lastStatus = "STOPPING";
                        t.stoppedAt = now;
                        tasks.add(launch(t.service, now));
                        recover(t.service);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    void step(Instant now) {
        if (services == null) {
            return;
        }
        for (List<Task> tasks : services.values()) {
            for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
                Task t = it.next();
                if (t.lastStatus.equals("PENDING") && !now.isBefore(t.runningAt)) {
                    t.lastStatus = "RUNNING";
                }
                if (t.lastStatus.equals("STOPPING") && !now.isBefore(t.stoppedAt.plus(STOPPING))) {
                    it.remove(); // STOPPED: gone from ListTasks (desired RUNNING) for good
                }
            }
        }
    }

    /** A failing agent recovers once every task it had when it began failing is stopped. */
    private void recover(String service) {
        String agent = agentOf(service);
        Instant failingSince = agent == null ? null : world.failingAgents.get(agent);
        if (failingSince != null && services.get(service).stream()
                .noneMatch(t -> t.desiredStatus.equals("RUNNING") && t.launchedAt.isBefore(failingSince))) {
            world.failingAgents.remove(agent);
        }
    }

    private Task launch(String service, Instant now) {
        String arn = world.arn("ecs", "task/" + world.config.ecs().cluster() + "/" + world.ids.hex("task", 32));
        return new Task(arn, service, now, replacementsStart ? now.plusSeconds(30 + world.random.nextInt(31)) : Instant.MAX);
    }

    private Map<String, String> agents() {
        Map<String, String> byAgent = new LinkedHashMap<>();
        String pattern = world.config.incident().restartAgent().service();
        if (pattern != null) {
            LogLines.AGENTS.forEach(a -> byAgent.put(a, pattern.replace("{agent}", a)));
        }
        return byAgent;
    }

    private Map<String, List<Task>> services() {
        if (services == null) {
            services = new LinkedHashMap<>();
            Instant since = world.epoch.minus(Duration.ofDays(3));
            for (String service : agents().values()) {
                List<Task> tasks = new ArrayList<>();
                for (int i = 0; i < TASKS_PER_AGENT; i++) {
                    Task t = launch(service, since.plusSeconds(i));
                    t.lastStatus = "RUNNING";
                    tasks.add(t);
                }
                services.put(service, tasks);
            }
        }
        return services;
    }
}
