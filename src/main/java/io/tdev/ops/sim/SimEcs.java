package io.tdev.ops.sim;

import io.tdev.ops.model.Container;
import io.tdev.ops.model.EcsTask;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.DeploymentRollback;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceEvent;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.Ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ECS service, its deployments, tasks and task-definition revisions. A rolling update with
 * minimumHealthyPercent 100 and maximumPercent 200: the new deployment starts all its tasks at once
 * (Fargate: PENDING for 30-60 s), and an old task is drained for each new task that passes the ALB health
 * check. The deployment circuit breaker is on: after {@link #failureThreshold()} failed tasks a deployment
 * is FAILED and launches nothing more; with rollback switched on ECS starts a deployment of the last
 * COMPLETED revision.
 */
final class SimEcs implements Ecs {
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final int MAX_EVENTS = 100;
    /** Generation jobs a task holds when it dies: they fail with it. */
    private static final int GENERATIONS_IN_FLIGHT = 2;

    private final SimWorld world;
    private final ServiceRef ref;
    private final Map<String, String> serviceTags = new LinkedHashMap<>();
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{N} +\\-=._:/@]*");
    private final Map<TaskDefinitionRef, SimTaskDefinition> taskDefinitions = new TreeMap<>();
    private final List<SimDeployment> deployments = new ArrayList<>();
    private final List<SimTask> tasks = new ArrayList<>();
    private final Deque<ServiceEvent> events = new ArrayDeque<>();
    private int desired;
    /** The task count of the quiet days before the simulation (the metric baseline). */
    final int baselineTasks;
    private boolean breakerEnabled = true;
    private boolean breakerRollback;
    private SimDeployment lastCompleted;
    private boolean steady;
    /** Rolled-back service deployments as ListServiceDeployments keeps them, oldest first. */
    private final List<RolledBack> rolledBack = new ArrayList<>();

    /** How long ECS keeps service deployments. */
    static final Duration DEPLOYMENTS_KEPT = Duration.ofDays(90);

    /** One rolled-back deployment; ROLLBACK_IN_PROGRESS until the deployment it returns to completes. */
    private static final class RolledBack {
        final String id;
        final Instant startedAt;
        final String reason;
        Instant finishedAt;
        String status;

        RolledBack(String id, Instant startedAt, Instant finishedAt, String status, String reason) {
            this.id = id;
            this.startedAt = startedAt;
            this.finishedAt = finishedAt;
            this.status = status;
            this.reason = reason;
        }

        DeploymentRollback view() {
            return new DeploymentRollback(id, startedAt, finishedAt, status, reason);
        }
    }

    SimEcs(SimWorld world, int desired) {
        this.world = world;
        this.ref = world.config.serviceRef();
        this.desired = desired;
        this.baselineTasks = desired;
    }

    // ---- set-up (builder) -------------------------------------------------------------------------------

    SimTaskDefinition addRevision(int revision, String imageTag, String status, Instant registeredAt) {
        TaskDefinitionRef td = new TaskDefinitionRef(world.family(), revision);
        List<Container> containers = List.of(
                new Container("t-developer-backend", world.imageUri(imageTag), true),
                new Container("xray-daemon", "public.ecr.aws/xray/aws-xray-daemon:3.3.13", false));
        SimTaskDefinition def = new SimTaskDefinition(td, containers, registeredAt, "1024", "2048");
        def.status = status;
        taskDefinitions.put(td, def);
        return def;
    }

    /** Starts the service steady on {@code revision}: one COMPLETED deployment with all tasks healthy. */
    void startSteady(TaskDefinitionRef revision, Instant since) {
        SimDeployment d = new SimDeployment(world.ids.digits("deployment", 19), revision, desired, since);
        d.rollout = RolloutState.COMPLETED;
        d.reason = "ECS deployment " + deploymentName(d) + " completed.";
        deployments.add(d);
        for (int i = 0; i < desired; i++) {
            SimTask t = newTask(d, since.minusSeconds(90), since.minusSeconds(60));
            t.phase = SimTask.Phase.RUNNING;
            tasks.add(t);
        }
        lastCompleted = d;
        steady = true;
        event(since, "(service " + ref.service() + ") has reached a steady state.");
    }

    void circuitBreaker(boolean enabled, boolean rollback) {
        this.breakerEnabled = enabled;
        this.breakerRollback = rollback;
    }

    /** A deployment rolled back before the simulation began (a scenario's past incident). */
    void rolledBackInThePast(Instant startedAt, Instant finishedAt, String reason) {
        rolledBack.add(new RolledBack("ecs-svc/" + world.ids.digits("deployment", 19), startedAt, finishedAt,
                "ROLLBACK_SUCCESSFUL", reason));
        rolledBack.sort(Comparator.comparing(r -> r.startedAt));
    }

    // ---- the port ----------------------------------------------------------------------------------------

    @Override
    public ServiceState describeService(ServiceRef service) {
        return world.call(Api.DESCRIBE_SERVICES, () -> {
            Optional<SimFleet.Service> other = world.fleet.find(service.cluster(), service.service());
            if (other.isPresent()) {
                return world.fleet.state(other.get());
            }
            requireService(service);
            return state();
        });
    }

    @Override
    public List<ServiceState> describeServices(String cluster, List<String> services) {
        List<ServiceState> out = new ArrayList<>();
        for (int from = 0; from < services.size(); from += 10) {
            List<String> batch = services.subList(from, Math.min(services.size(), from + 10));
            out.addAll(world.call(Api.DESCRIBE_SERVICES, () -> {
                if (!world.fleet.hasCluster(cluster)) {
                    requireCluster(cluster);
                }
                // ECS reports unknown names as failures (MISSING) beside the found services.
                List<ServiceState> found = new ArrayList<>();
                for (String name : batch) {
                    if (cluster.equals(ref.cluster()) && name.equals(ref.service())) {
                        found.add(state());
                    } else {
                        world.fleet.find(cluster, name).ifPresent(s -> found.add(world.fleet.state(s)));
                    }
                }
                return found;
            }));
        }
        return out;
    }

    @Override
    public TaskDefinition describeTaskDefinition(String taskDefinition) {
        return world.call(Api.DESCRIBE_TASK_DEFINITION, () -> {
            SimTaskDefinition def = resolve(taskDefinition);
            return def.view(world.taskDefinitionArn(def.ref));
        });
    }

    @Override
    public List<TaskDefinitionRef> listTaskDefinitions(String family, boolean activeOnly) {
        return world.call(Api.LIST_TASK_DEFINITIONS, () -> taskDefinitions.values().stream()
                .filter(d -> d.ref.family().equals(family))
                .filter(d -> !activeOnly || "ACTIVE".equals(d.status))
                .map(d -> d.ref)
                .sorted(Comparator.reverseOrder())
                .toList());
    }

    @Override
    public void deregisterTaskDefinition(TaskDefinitionRef ref) {
        world.exec(Api.DEREGISTER_TASK_DEFINITION, () -> {
            SimTaskDefinition def = existing(ref);
            def.status = "INACTIVE"; // as ECS: running tasks of it keep running, no new ones start from it
        });
    }

    @Override
    public TaskDefinitionRef registerTaskDefinition(TaskDefinition base, Map<String, String> imagesByContainer) {
        return world.call(Api.REGISTER_TASK_DEFINITION, () -> {
            List<String> names = base.containers().stream().map(Container::name).toList();
            for (Map.Entry<String, String> e : imagesByContainer.entrySet()) {
                if (!names.contains(e.getKey())) {
                    throw InvalidInputException.notAllowed("container", e.getKey(), names);
                }
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw new InvalidInputException("image", "must not be empty (container " + e.getKey() + ")");
                }
            }
            SimTaskDefinition source = taskDefinitions.get(base.ref());
            int next = taskDefinitions.keySet().stream().filter(r -> r.family().equals(base.ref().family()))
                    .mapToInt(TaskDefinitionRef::revision).max().orElse(0) + 1;
            List<Container> containers = base.containers().stream()
                    .map(c -> new Container(c.name(), imagesByContainer.getOrDefault(c.name(), c.image()), c.essential()))
                    .toList();
            TaskDefinitionRef created = base.ref().withRevision(next);
            SimTaskDefinition registered = new SimTaskDefinition(created, containers, world.now(),
                    source == null ? "1024" : source.cpu, source == null ? "2048" : source.memory);
            // as AwsEcs: the base's tags come along, but not the known-good mark (the new revision has proven
            // nothing yet) nor AWS's own aws: tags, which RegisterTaskDefinition refuses
            base.tags().forEach((key, value) -> {
                if (!key.equals(world.config.deploy().knownGoodTag()) && !key.startsWith("aws:")) {
                    registered.tags.put(key, value);
                }
            });
            taskDefinitions.put(created, registered);
            return created;
        });
    }

    @Override
    public String updateService(ServiceRef service, TaskDefinitionRef taskDefinition) {
        return world.call(Api.UPDATE_SERVICE, () -> {
            requireService(service);
            SimTaskDefinition def = existing(taskDefinition);
            if (!"ACTIVE".equals(def.status)) {
                throw new RemoteFailureException(Api.UPDATE_SERVICE, Api.UPDATE_SERVICE
                        + " failed: ClientException: TaskDefinition is inactive (" + taskDefinition + ")", false);
            }
            SimDeployment primary = primary();
            if (primary.taskDefinition.equals(taskDefinition) && primary.rollout != RolloutState.FAILED) {
                return deploymentName(primary);
            }
            return deploymentName(startDeployment(taskDefinition, null));
        });
    }

    @Override
    public void setDesiredCount(ServiceRef service, int desiredCount) {
        world.exec(Api.UPDATE_SERVICE, () -> {
            requireService(service);
            if (desiredCount < 0) {
                throw new InvalidInputException("desiredCount", "must be 0 or more, got " + desiredCount);
            }
            changeDesired(desiredCount);
        });
    }

    @Override
    public List<DeploymentRollback> rollbacks(ServiceRef service, Instant from, Instant to) {
        return world.call(Api.LIST_SERVICE_DEPLOYMENTS, () -> {
            requireService(service);
            Instant kept = world.now().minus(DEPLOYMENTS_KEPT);
            return rolledBack.stream()
                    .filter(r -> !r.startedAt.isBefore(from) && r.startedAt.isBefore(to) && !r.startedAt.isBefore(kept))
                    .map(RolledBack::view)
                    .toList();
        });
    }

    @Override
    public void stopDeployment(ServiceRef service, String deploymentId) {
        world.exec(Api.STOP_SERVICE_DEPLOYMENT, () -> {
            requireService(service);
            // As AwsEcs: ECS runs one service deployment at a time and StopServiceDeployment names it by its own
            // ARN, so the one in progress is stopped; when it finished meanwhile there is nothing to stop.
            Optional<SimDeployment> rolling = deployments.stream()
                    .filter(x -> x.primary() && x.rollout == RolloutState.IN_PROGRESS).findFirst();
            if (rolling.isEmpty()) {
                return;
            }
            SimDeployment d = rolling.get();
            Instant now = world.now();
            Optional<SimDeployment> previous = deployments.stream()
                    .filter(x -> x != d && x.rollout != RolloutState.FAILED)
                    .max(Comparator.comparing(x -> x.createdAt));
            if (previous.isEmpty() && lastCompleted == null) {
                throw new PreconditionFailedException(Api.STOP_SERVICE_DEPLOYMENT + ": deployment " + deploymentName(d)
                        + " has no previous deployment to return to");
            }
            rolledBack.add(new RolledBack(deploymentName(d), d.createdAt, null, "ROLLBACK_IN_PROGRESS",
                    "Service deployment rolled back because of a StopServiceDeployment request."));
            abandon(d, now, "ECS deployment " + deploymentName(d) + " stopped (StopServiceDeployment).");
            event(now, "(service " + ref.service() + ") (deployment " + deploymentName(d) + ") deployment stopped.");
            if (previous.isPresent()) {
                SimDeployment p = previous.get();
                p.status = "PRIMARY";
                p.desired = desired;
                p.launching = true;
                p.nextLaunchAt = now;
                p.rollout = RolloutState.IN_PROGRESS;
                p.reason = "ECS deployment " + deploymentName(p) + " in progress.";
                p.updatedAt = now;
            } else {
                startDeployment(lastCompleted.taskDefinition, null);
            }
        });
    }

    @Override
    public void tagTaskDefinition(TaskDefinitionRef ref, Map<String, String> tags) {
        world.exec(Api.TAG_RESOURCE, () -> {
            SimTaskDefinition def = existing(ref);
            checkTags(tags);
            def.tags.putAll(tags);
        });
    }

    @Override
    public Map<String, String> serviceTags(ServiceRef service) {
        return world.call(Api.LIST_TAGS, () -> {
            requireService(service);
            return Map.copyOf(serviceTags);
        });
    }

    @Override
    public void tagService(ServiceRef service, Map<String, String> tags) {
        world.exec(Api.TAG_RESOURCE, () -> {
            requireService(service);
            checkTags(tags);
            serviceTags.putAll(tags);
        });
    }

    @Override
    public void untagService(ServiceRef service, List<String> keys) {
        world.exec(Api.UNTAG_RESOURCE, () -> {
            requireService(service);
            serviceTags.keySet().removeAll(keys);
        });
    }

    /** The tags the service starts with (scenarios). */
    void serviceTags(Map<String, String> tags) {
        serviceTags.putAll(tags);
    }

    /** ECS' tag rules: keys 1..128 characters, values 0..256, letters, digits, spaces and + - = . _ : / @ only. */
    private static void checkTags(Map<String, String> tags) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 128) {
                throw new InvalidInputException("tag key", "must be 1 to 128 characters, got '" + e.getKey() + "'");
            }
            if (e.getValue() == null || e.getValue().length() > 256) {
                throw new InvalidInputException("tag value", "must be 0 to 256 characters (key " + e.getKey() + ")");
            }
            if (!TAG_TEXT.matcher(e.getKey()).matches() || !TAG_TEXT.matcher(e.getValue()).matches()) {
                throw new InvalidInputException("tag", "ECS refused the tag " + e.getKey() + " (InvalidParameterException):"
                        + " letters, digits, spaces and + - = . _ : / @ only");
            }
        }
    }

    @Override
    public void untagTaskDefinition(TaskDefinitionRef ref, List<String> keys) {
        world.exec(Api.UNTAG_RESOURCE, () -> existing(ref).tags.keySet().removeAll(keys));
    }

    @Override
    public Map<String, String> tagsOf(TaskDefinitionRef ref) {
        return world.call(Api.LIST_TAGS, () -> Map.copyOf(existing(ref).tags));
    }

    // ---- time ------------------------------------------------------------------------------------------

    void step(Instant now) {
        startAndStopTasks(now);
        SimDeployment primary = primary();
        launch(primary, now);
        tripBreaker(primary, now);
        drainOld(now);
        complete(now);
    }

    private void startAndStopTasks(Instant now) {
        for (SimTask t : tasks) {
            if (t.phase == SimTask.Phase.PENDING && !now.isBefore(t.runningAt)) {
                t.phase = SimTask.Phase.RUNNING;
            }
            if (t.phase == SimTask.Phase.RUNNING && t.behaviour == TaskBehaviour.CRASHING && !now.isBefore(t.crashAt())) {
                t.phase = SimTask.Phase.STOPPED;
                SimDeployment d = deployment(t.deploymentId);
                if (d != null) {
                    d.failedTasks++;
                    d.updatedAt = now;
                    d.nextLaunchAt = now.plusSeconds(15);
                }
                world.metrics.generationsLost(GENERATIONS_IN_FLIGHT);
                world.logs.taskCrashed(t, now, GENERATIONS_IN_FLIGHT);
                event(now, "(service " + ref.service() + ") (task " + t.id + ") failed ELB health checks in (target-group "
                        + world.targetGroupArn() + ")");
                event(now, "(service " + ref.service() + ") has stopped 1 running tasks: (task " + t.id + ").");
            }
            if (t.phase == SimTask.Phase.DRAINING && !now.isBefore(t.drainUntil)) {
                t.phase = SimTask.Phase.STOPPED;
            }
        }
        tasks.removeIf(t -> t.phase == SimTask.Phase.STOPPED);
    }

    private void launch(SimDeployment primary, Instant now) {
        if (!primary.launching || now.isBefore(primary.nextLaunchAt)) {
            return;
        }
        long alive = tasks.stream().filter(t -> t.deploymentId.equals(primary.id) && t.alive()).count();
        long aliveAll = tasks.stream().filter(SimTask::alive).count();
        int room = (int) Math.min(primary.desired - alive, 2L * Math.max(desired, 1) - aliveAll);
        if (room <= 0) {
            return;
        }
        List<String> started = new ArrayList<>();
        for (int i = 0; i < room; i++) {
            SimTask t = newTask(primary, now, now.plusSeconds(30 + world.random.nextInt(31)));
            tasks.add(t);
            started.add("(task " + t.id + ")");
        }
        steady = false;
        event(now, "(service " + ref.service() + ") has started " + room + " tasks: " + String.join(" ", started) + ".");
    }

    private void tripBreaker(SimDeployment primary, Instant now) {
        if (!breakerEnabled || primary.rollout != RolloutState.IN_PROGRESS || primary.failedTasks < failureThreshold()) {
            return;
        }
        primary.rollout = RolloutState.FAILED;
        primary.reason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.launching = false;
        primary.updatedAt = now;
        event(now, "(service " + ref.service() + ") (deployment " + deploymentName(primary)
                + ") deployment failed: tasks failed to start.");
        if (breakerRollback && lastCompleted != null && !lastCompleted.taskDefinition.equals(primary.taskDefinition)) {
            String target = deploymentName(lastCompleted);
            rolledBack.add(new RolledBack(deploymentName(primary), primary.createdAt, null, "ROLLBACK_IN_PROGRESS",
                    "Service deployment rolled back because the circuit breaker threshold was exceeded."));
            abandon(primary, now, primary.reason);
            SimDeployment back = startDeployment(lastCompleted.taskDefinition,
                    "ECS deployment circuit breaker: rolling back to deploymentId " + target + ".");
            back.updatedAt = now;
            event(now, "(service " + ref.service() + ") rolling back to deployment " + target + ".");
        }
    }

    /** Drains old tasks while the new ones pass health checks, keeping at least {@code desired} serving. */
    private void drainOld(Instant now) {
        SimDeployment primary = primary();
        long healthyNew = tasks.stream().filter(t -> t.deploymentId.equals(primary.id) && t.healthy(now)).count();
        long aliveNew = tasks.stream().filter(t -> t.deploymentId.equals(primary.id) && t.alive()).count();
        // A scaled-down primary drains its newest tasks first.
        if (aliveNew > primary.desired) {
            tasks.stream().filter(t -> t.deploymentId.equals(primary.id) && t.alive())
                    .sorted(Comparator.comparing((SimTask t) -> t.launchedAt).reversed())
                    .limit(aliveNew - primary.desired).toList()
                    .forEach(t -> drain(t, now));
        }
        long allowedOld = Math.max(0, desired - healthyNew);
        // Abandoned (failed or stopped) deployments go first, then the oldest.
        List<SimDeployment> old = deployments.stream().filter(d -> d != primary)
                .sorted(Comparator.comparing((SimDeployment d) -> d.launching).thenComparing(d -> d.createdAt)).toList();
        long aliveOld = tasks.stream().filter(t -> !t.deploymentId.equals(primary.id) && t.alive()).count();
        long excess = aliveOld - allowedOld;
        for (SimDeployment d : old) {
            for (SimTask t : tasks) {
                if (excess <= 0) {
                    break;
                }
                if (t.deploymentId.equals(d.id) && t.alive()) {
                    drain(t, now);
                    excess--;
                }
            }
        }
        for (SimDeployment d : old) {
            int alive = (int) tasks.stream().filter(t -> t.deploymentId.equals(d.id) && t.alive()).count();
            if (d.desired != alive) {
                d.desired = alive;
                d.updatedAt = now;
            }
        }
        deployments.removeIf(d -> d != primary && tasks.stream().noneMatch(t -> t.deploymentId.equals(d.id)));
    }

    private void complete(Instant now) {
        SimDeployment primary = primary();
        long healthy = tasks.stream().filter(t -> t.deploymentId.equals(primary.id) && t.healthy(now)).count();
        long alive = tasks.stream().filter(t -> t.alive()).count();
        boolean settled = deployments.size() == 1 && healthy == desired && alive == desired
                && tasks.stream().noneMatch(t -> t.phase == SimTask.Phase.DRAINING);
        if (primary.rollout == RolloutState.IN_PROGRESS && settled) {
            primary.rollout = RolloutState.COMPLETED;
            primary.reason = primary.reason.startsWith("ECS deployment circuit breaker: rolling back")
                    ? primary.reason.replace("rolling back", "rolled back")
                    : "ECS deployment " + deploymentName(primary) + " completed.";
            primary.updatedAt = now;
            lastCompleted = primary;
            rolledBack.stream().filter(r -> r.status.equals("ROLLBACK_IN_PROGRESS")).forEach(r -> {
                r.status = "ROLLBACK_SUCCESSFUL";
                r.finishedAt = now;
            });
            event(now, "(service " + ref.service() + ") (deployment " + deploymentName(primary) + ") deployment completed.");
        }
        if (settled && !steady && primary.rollout == RolloutState.COMPLETED) {
            steady = true;
            event(now, "(service " + ref.service() + ") has reached a steady state.");
        }
        if (!settled) {
            steady = false;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private SimDeployment startDeployment(TaskDefinitionRef td, String reason) {
        Instant now = world.now();
        for (SimDeployment d : deployments) {
            if (d.primary()) {
                d.status = "ACTIVE";
                d.updatedAt = now;
            }
        }
        SimDeployment d = new SimDeployment(world.ids.digits("deployment", 19), td, desired, now);
        if (reason != null) {
            d.reason = reason;
        } else {
            d.reason = "ECS deployment " + deploymentName(d) + " in progress.";
        }
        deployments.add(0, d);
        steady = false;
        return d;
    }

    private void abandon(SimDeployment d, Instant now, String reason) {
        d.status = "ACTIVE";
        d.rollout = RolloutState.FAILED;
        d.reason = reason;
        d.launching = false;
        d.updatedAt = now;
    }

    private void changeDesired(int count) {
        Instant now = world.now();
        desired = count;
        SimDeployment primary = primary();
        primary.desired = count;
        primary.updatedAt = now;
        primary.nextLaunchAt = now;
    }

    private void drain(SimTask t, Instant now) {
        if (t.phase == SimTask.Phase.PENDING) {
            t.phase = SimTask.Phase.STOPPED;
        } else {
            t.phase = SimTask.Phase.DRAINING;
            t.drainUntil = now.plus(SimTask.DRAIN);
        }
        event(now, "(service " + ref.service() + ") has stopped 1 running tasks: (task " + t.id + ").");
    }

    private SimTask newTask(SimDeployment d, Instant launchedAt, Instant runningAt) {
        SimTaskDefinition def = taskDefinitions.get(d.taskDefinition);
        String id = world.ids.hex("task", 32);
        return new SimTask(id, d.id, d.taskDefinition, world.behaviourOf(def.mainImage()), world.ids.privateIp(), launchedAt, runningAt);
    }

    /** ECS: half the desired count, at least 3 and at most 200 failed tasks. */
    int failureThreshold() {
        return Math.max(3, Math.min(200, (int) Math.ceil(desired * 0.5)));
    }

    private void event(Instant at, String message) {
        events.addFirst(new ServiceEvent(at, message));
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    private SimDeployment primary() {
        return deployments.stream().filter(SimDeployment::primary).findFirst()
                .orElseThrow(() -> new IllegalStateException("the simulated service has no PRIMARY deployment"));
    }

    private SimDeployment deployment(String id) {
        return deployments.stream().filter(d -> d.id.equals(id)).findFirst().orElse(null);
    }

    static String deploymentName(SimDeployment d) {
        return "ecs-svc/" + d.id;
    }

    @Override
    public List<EcsTask> serviceTasks(ServiceRef service) {
        List<String> arns = world.call(Api.LIST_TASKS, () -> {
            requireCluster(service.cluster());
            return tasksOf(service.service()).stream().map(EcsTask::arn).toList();
        });
        if (arns.isEmpty()) {
            return List.of(); // no DescribeTasks for an empty list: AWS refuses one
        }
        return world.call(Api.DESCRIBE_TASKS, () -> tasksOf(service.service()).stream()
                .filter(t -> arns.contains(t.arn())).toList());
    }

    @Override
    public void stopTask(String cluster, String taskArn, String reason) {
        world.exec(Api.STOP_TASK, () -> {
            requireCluster(cluster);
            if (reason == null || reason.length() > 1024) {
                throw new InvalidInputException("reason", "ECS takes a stop reason of at most 1024 characters");
            }
            Instant now = world.now();
            SimTask main = tasks.stream().filter(t -> taskArn.equals(taskArn(t))).findFirst().orElse(null);
            if (main != null) {
                if (main.alive()) {
                    drain(main, now); // the service launches its replacement on its next step
                }
            } else if (!world.agentServices.stop(taskArn, now)) {
                throw new PreconditionFailedException("ECS task " + taskArn + " not found in cluster " + cluster
                        + " (InvalidParameterException: The referenced task was not found)");
            }
        });
    }

    /** A service's tasks with desired status RUNNING, oldest first: this service's own, or an agent's. */
    private List<EcsTask> tasksOf(String service) {
        if (ref.service().equals(service)) {
            return tasks.stream().filter(SimTask::alive).sorted(Comparator.comparing((SimTask t) -> t.launchedAt))
                    .map(t -> new EcsTask(taskArn(t), t.running() ? "RUNNING" : "PENDING", "RUNNING",
                            "service:" + ref.service(), t.running() ? t.runningAt : null)).toList();
        }
        return world.agentServices.tasks(service);
    }

    private String taskArn(SimTask t) {
        return world.arn("ecs", "task/" + ref.cluster() + "/" + t.id);
    }

    private void requireCluster(String cluster) {
        if (!ref.cluster().equals(cluster)) {
            throw new PreconditionFailedException("ECS cluster " + cluster + " not found (ClusterNotFoundException); "
                    + "check ecs.cluster in the environment config (this environment has " + ref.cluster() + ")");
        }
    }

    private void requireService(ServiceRef service) {
        requireCluster(service.cluster());
        if (!ref.service().equals(service.service())) {
            throw new PreconditionFailedException("ECS service " + service.service() + " not found in cluster "
                    + service.cluster() + " (MISSING); check ecs.service in the environment config");
        }
    }

    private SimTaskDefinition existing(TaskDefinitionRef td) {
        SimTaskDefinition def = taskDefinitions.get(td);
        if (def == null) {
            throw new PreconditionFailedException("task definition " + td + " not found (ClientException: Unable to describe task definition)");
        }
        return def;
    }

    private SimTaskDefinition resolve(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("taskDefinition", "must not be empty");
        }
        if (TaskDefinitionRef.looksLikeRef(text)) {
            return existing(TaskDefinitionRef.parse(text));
        }
        String family = text.trim();
        if (!FAMILY.matcher(family).matches()) {
            throw new InvalidInputException("taskDefinition", "got '" + text
                    + "'; allowed forms: FAMILY, FAMILY:REVISION or arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION");
        }
        return taskDefinitions.values().stream()
                .filter(d -> d.ref.family().equals(family) && "ACTIVE".equals(d.status))
                .max(Comparator.comparing(d -> d.ref))
                .orElseThrow(() -> new PreconditionFailedException("task definition family " + family
                        + " has no ACTIVE revision (ClientException: Unable to describe task definition)"));
    }

    // ---- views for the other simulated services and for tests ---------------------------------------------

    ServiceState state() {
        Instant now = world.now();
        List<Deployment> views = deployments.stream()
                .sorted(Comparator.comparing((SimDeployment d) -> !d.primary()).thenComparing(d -> d.createdAt, Comparator.reverseOrder()))
                .map(d -> d.view(deploymentName(d), count(d, SimTask.Phase.RUNNING), count(d, SimTask.Phase.PENDING)))
                .toList();
        int running = (int) tasks.stream().filter(SimTask::running).count();
        int pending = (int) tasks.stream().filter(t -> t.phase == SimTask.Phase.PENDING).count();
        return new ServiceState(ref, "ACTIVE", desired, running, pending, primary().taskDefinition, views,
                world.loadBalanced ? List.of(world.targetGroupArn()) : List.of(), breakerEnabled && breakerRollback, List.copyOf(events));
    }

    private int count(SimDeployment d, SimTask.Phase phase) {
        return (int) tasks.stream().filter(t -> t.deploymentId.equals(d.id) && t.phase == phase).count();
    }

    List<SimTask> tasks() {
        return tasks;
    }

    int desired() {
        return desired;
    }

    void setDesiredBySystem(int count, String why) {
        if (count != desired) {
            event(world.now(), "(service " + ref.service() + ") " + why + ": desired count " + desired + " -> " + count + ".");
            changeDesired(count);
        }
    }

    TaskDefinitionRef currentRevision() {
        return primary().taskDefinition;
    }

    Map<TaskDefinitionRef, SimTaskDefinition> taskDefinitions() {
        return taskDefinitions;
    }

    SimTaskDefinition taskDefinition(TaskDefinitionRef td) {
        return existing(td);
    }

    /**
     * A latent defect of an image shows (a bad migration, a leak): its running tasks fail health checks from now
     * and crash, and ECS's replacements of the same image crash as well (scenario set-up).
     */
    void breakTasksOf(String image) {
        world.badImages.add(image);
        for (SimTask t : tasks) {
            if (t.alive() && image.equals(existing(t.taskDefinition).mainImage())) {
                t.behaviour = TaskBehaviour.CRASHING;
                t.brokeAt = world.now();
            }
        }
    }

    /** Starts a deployment without going through the port (scenario set-up). */
    String deploy(TaskDefinitionRef td) {
        return deploymentName(startDeployment(td, null));
    }

}
