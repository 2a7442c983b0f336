package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Container;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.EcsTask;
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
import io.tdev.ops.support.Durations;
import io.tdev.ops.api.Progress;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@link Ecs} port over the ECS API (JSON 1.1 protocol). */
public final class AwsEcs implements Ecs {
    /** DescribeServices takes at most 10 services a call. */
    static final int DESCRIBE_SERVICES_BATCH = 10;
    /** Tags under this prefix are AWS's; RegisterTaskDefinition refuses them. */
    private static final String AWS_RESERVED_TAG_PREFIX = "aws:";

    private final EcsClient ecs;
    private final EnvironmentConfig config;
    private final BackoffStrategy waiterBackoff;
    private final Clock clock;
    /** family:revision -> ARN; a revision's ARN never changes, and tag calls need the ARN. */
    private final Map<TaskDefinitionRef, String> arns = new ConcurrentHashMap<>();
    private final Map<ServiceRef, String> serviceArns = new ConcurrentHashMap<>();

    public AwsEcs(EcsClient ecs, EnvironmentConfig config) {
        this(ecs, config, BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(Math.max(1, config.deploy().pollSeconds()))));
    }

    /** @param waiterBackoff delay between two looks of {@link #waitUntilStable} (tests: no delay) */
    public AwsEcs(EcsClient ecs, EnvironmentConfig config, BackoffStrategy waiterBackoff) {
        this(ecs, config, waiterBackoff, Clock.systemUTC());
    }

    /** @param clock measures how long {@link #waitUntilStable} has waited, for its progress lines */
    public AwsEcs(EcsClient ecs, EnvironmentConfig config, BackoffStrategy waiterBackoff, Clock clock) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.config = Objects.requireNonNull(config, "config");
        this.waiterBackoff = Objects.requireNonNull(waiterBackoff, "waiterBackoff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ServiceState describeService(ServiceRef service) {
        List<String> missing = new ArrayList<>();
        List<ServiceState> found = describe(service.cluster(), List.of(service.service()), missing);
        if (found.isEmpty()) {
            throw new PreconditionFailedException(missingServices(service.cluster(), missing));
        }
        return found.get(0);
    }

    /**
     * The services ECS found; names it reports as failures (MISSING) or INACTIVE are left out, as ECS answers them,
     * so that one deleted service does not blind a fleet read to the other nine of its batch.
     */
    @Override
    public List<ServiceState> describeServices(String cluster, List<String> services) {
        return describe(cluster, services, new ArrayList<>());
    }

    private List<ServiceState> describe(String cluster, List<String> services, List<String> missing) {
        if (services.isEmpty()) {
            return List.of();
        }
        List<ServiceState> states = new ArrayList<>(services.size());
        for (int from = 0; from < services.size(); from += DESCRIBE_SERVICES_BATCH) {
            List<String> batch = services.subList(from, Math.min(services.size(), from + DESCRIBE_SERVICES_BATCH));
            DescribeServicesResponse r = AwsCall.run("ecs:DescribeServices", clusterResource(cluster),
                    () -> ecs.describeServices(b -> b.cluster(cluster).services(batch)));
            Map<String, Service> byName = r.services().stream()
                    .collect(Collectors.toMap(Service::serviceName, s -> s, (a, b) -> a));
            for (String name : batch) {
                Service s = byName.get(shortName(name));
                if (s == null || "INACTIVE".equals(s.status())) {
                    missing.add(name + failureReason(r.failures(), name));
                } else {
                    states.add(toState(cluster, s));
                }
            }
        }
        return states;
    }

    /**
     * Waits until ECS's own services-stable condition holds (one deployment, running == desired) using the SDK
     * waiter, polling every {@code waiterBackoff}; gives up after {@code timeout}.
     */
    public ServiceState waitUntilStable(ServiceRef service, Duration timeout) {
        return waitUntilStable(service, timeout, Progress.NONE);
    }

    /** Like {@link #waitUntilStable(ServiceRef, Duration)}, reporting each look that found it not yet stable. */
    public ServiceState waitUntilStable(ServiceRef service, Duration timeout, Progress progress) {
        DescribeServicesRequest request = DescribeServicesRequest.builder()
                .cluster(service.cluster()).services(service.service()).build();
        Instant started = clock.instant();
        // the waiter asks its backoff for the next delay after every look that did not match: report there
        BackoffStrategy reporting = attempt -> {
            Duration waited = Duration.between(started, clock.instant());
            progress.report("waiting for ECS service " + service + " to become stable (one deployment, running = desired): "
                    + Durations.format(waited) + " of " + Durations.format(timeout));
            return waiterBackoff.computeDelay(attempt);
        };
        WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
                .waitTimeout(timeout)
                .maxAttempts(Integer.MAX_VALUE)
                .backoffStrategyV2(reporting)
                .build();
        WaiterResponse<DescribeServicesResponse> done;
        try (EcsWaiter waiter = EcsWaiter.builder().client(ecs).build()) {
            done = waiter.waitUntilServicesStable(request, waiting);
        } catch (SdkClientException e) {
            if (e.getCause() instanceof SdkException cause) {
                // a DescribeServices call itself failed (after the client's retries): map it like any other call
                return AwsCall.run("ecs:DescribeServices", clusterResource(service.cluster()), () -> {
                    throw cause;
                });
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("failure state")) {
                throw new PreconditionFailedException("ECS service " + service + " cannot become stable: it is missing,"
                        + " DRAINING or INACTIVE; check " + fieldsOf(service));
            }
            if (message.contains("max wait time") || message.contains("max retry attempts")) {
                throw new RemoteFailureException("ecs:DescribeServices", "ECS service " + service
                        + " did not become stable within " + Durations.format(timeout) + "; look at its events and deployments, then"
                        + " wait again or roll back", true, e);
            }
            throw AwsCall.AwsErrors.client("ecs:DescribeServices", e);
        }
        return done.matched().response()
                .flatMap(r -> r.services().stream().findFirst())
                .map(s -> toState(service.cluster(), s))
                .orElseGet(() -> describeService(service));
    }

    @Override
    public TaskDefinition describeTaskDefinition(String taskDefinition) {
        DescribeTaskDefinitionResponse r = describeFull(taskDefinition);
        var td = r.taskDefinition();
        TaskDefinitionRef ref = new TaskDefinitionRef(td.family(), td.revision());
        arns.putIfAbsent(ref, td.taskDefinitionArn());
        List<Container> containers = td.containerDefinitions().stream()
                .map(c -> new Container(c.name(), c.image(), c.essential() == null || c.essential()))
                .toList();
        return new TaskDefinition(ref, td.taskDefinitionArn(), td.statusAsString(), containers, tagMap(r.tags()),
                td.registeredAt());
    }

    @Override
    public List<TaskDefinitionRef> listTaskDefinitions(String family, boolean activeOnly) {
        if (family == null || family.isBlank()) {
            throw new InvalidInputException("family", "must not be empty");
        }
        // without a status ECS lists ACTIVE revisions only, so INACTIVE ones need a second listing
        List<TaskDefinitionStatus> statuses = activeOnly
                ? List.of(TaskDefinitionStatus.ACTIVE)
                : List.of(TaskDefinitionStatus.ACTIVE, TaskDefinitionStatus.INACTIVE);
        Set<TaskDefinitionRef> refs = new TreeSet<>(Comparator.reverseOrder());
        for (TaskDefinitionStatus status : statuses) {
            AwsCall.exec("ecs:ListTaskDefinitions", AwsResource.given("task definition family", family),
                    () -> ecs.listTaskDefinitionsPaginator(b -> b.familyPrefix(family).status(status).sort(SortOrder.DESC))
                            .taskDefinitionArns().forEach(arn -> {
                                TaskDefinitionRef ref = TaskDefinitionRef.parse(arn);
                                // familyPrefix is a prefix: t-developer would also list t-developer-worker
                                if (ref.family().equals(family)) {
                                    arns.putIfAbsent(ref, arn);
                                    refs.add(ref);
                                }
                            }));
        }
        return List.copyOf(refs);
    }

    @Override
    public void deregisterTaskDefinition(TaskDefinitionRef ref) {
        String arn = arnOf(ref);
        AwsCall.exec("ecs:DeregisterTaskDefinition", AwsResource.given("task definition", ref.toString()),
                () -> ecs.deregisterTaskDefinition(b -> b.taskDefinition(arn)));
    }

    @Override
    public TaskDefinitionRef registerTaskDefinition(TaskDefinition base, Map<String, String> imagesByContainer) {
        if (imagesByContainer == null || imagesByContainer.isEmpty()) {
            throw new InvalidInputException("image", "give at least one container and its new image");
        }
        DescribeTaskDefinitionResponse current = describeFull(base.arn() != null ? base.arn() : base.ref().toString());
        var td = current.taskDefinition();
        Set<String> names = td.containerDefinitions().stream().map(ContainerDefinition::name)
                .collect(Collectors.toCollection(TreeSet::new));
        for (Map.Entry<String, String> e : imagesByContainer.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw InvalidInputException.notAllowed("container", e.getKey(), names);
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new InvalidInputException("image", "the new image of container " + e.getKey() + " is empty");
            }
        }
        RegisterTaskDefinitionRequest.Builder request = TaskDefinitionClone.of(td);
        request.containerDefinitions(td.containerDefinitions().stream()
                .map(c -> imagesByContainer.containsKey(c.name()) ? c.toBuilder().image(imagesByContainer.get(c.name())).build() : c)
                .toList());
        List<Tag> tags = current.tags().stream()
                .filter(t -> !t.key().equals(config.deploy().knownGoodTag()))
                .filter(t -> !t.key().startsWith(AWS_RESERVED_TAG_PREFIX))
                .toList();
        if (!tags.isEmpty()) {
            request.tags(tags);
        }
        var registered = AwsCall.run("ecs:RegisterTaskDefinition", AwsResource.given("task definition family", td.family()),
                () -> ecs.registerTaskDefinition(request.build())).taskDefinition();
        TaskDefinitionRef ref = new TaskDefinitionRef(registered.family(), registered.revision());
        arns.put(ref, registered.taskDefinitionArn());
        return ref;
    }

    @Override
    public String updateService(ServiceRef service, TaskDefinitionRef taskDefinition) {
        Service updated = AwsCall.run("ecs:UpdateService", serviceResources(service),
                () -> ecs.updateService(b -> b.cluster(service.cluster()).service(service.service())
                        .taskDefinition(taskDefinition.toString()))).service();
        return updated.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .map(software.amazon.awssdk.services.ecs.model.Deployment::id)
                .findFirst()
                .orElseThrow(() -> new RemoteFailureException("ecs:UpdateService", "ECS accepted the update of "
                        + service + " to " + taskDefinition + " but reported no PRIMARY deployment; describe the service", false));
    }

    @Override
    public void setDesiredCount(ServiceRef service, int desiredCount) {
        if (desiredCount < 0) {
            throw new InvalidInputException("desiredCount", "must be 0 or more, got " + desiredCount);
        }
        AwsCall.exec("ecs:UpdateService", serviceResources(service),
                () -> ecs.updateService(b -> b.cluster(service.cluster()).service(service.service()).desiredCount(desiredCount)));
    }

    /**
     * ECS identifies deployments to stop by their service-deployment ARN, which DescribeServices' deployment ids
     * ({@code ecs-svc/...}) do not carry; ECS runs one service deployment at a time, so the newest PENDING or
     * IN_PROGRESS one of the service is the one to stop. ROLLBACK returns the service to its previous revision.
     * When none is in progress (it finished meanwhile) there is nothing to stop.
     */
    @Override
    public void stopDeployment(ServiceRef service, String deploymentId) {
        Optional<ServiceDeploymentBrief> inProgress = inProgressDeployments(service).stream()
                .max(Comparator.comparing(d -> Optional.ofNullable(d.createdAt()).orElse(d.startedAt()),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        inProgress.ifPresent(d -> AwsCall.exec("ecs:StopServiceDeployment",
                AwsResource.given("ECS service deployment", d.serviceDeploymentArn()),
                () -> ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(d.serviceDeploymentArn())
                        .stopType(StopServiceDeploymentStopType.ROLLBACK))));
    }

    private List<ServiceDeploymentBrief> inProgressDeployments(ServiceRef service) {
        return serviceDeployments(service, b -> b.status(ServiceDeploymentStatus.PENDING, ServiceDeploymentStatus.IN_PROGRESS));
    }

    /**
     * ECS marks a deployment it rolled back (circuit breaker, alarms, or StopServiceDeployment with ROLLBACK) with a
     * ROLLBACK_* status; the window filters on when the deployment was created.
     */
    @Override
    public List<DeploymentRollback> rollbacks(ServiceRef service, Instant from, Instant to) {
        return serviceDeployments(service, b -> b.status(ServiceDeploymentStatus.ROLLBACK_REQUESTED,
                        ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS, ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL,
                        ServiceDeploymentStatus.ROLLBACK_FAILED)
                .createdAt(c -> c.after(from).before(to))).stream()
                .map(d -> new DeploymentRollback(d.serviceDeploymentArn(),
                        d.startedAt() != null ? d.startedAt() : d.createdAt(), d.finishedAt(), d.statusAsString(),
                        d.statusReason()))
                .sorted(Comparator.comparing(DeploymentRollback::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private List<ServiceDeploymentBrief> serviceDeployments(ServiceRef service,
                                                            Consumer<ListServiceDeploymentsRequest.Builder> filter) {
        List<ServiceDeploymentBrief> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListServiceDeploymentsResponse page = AwsCall.run("ecs:ListServiceDeployments", serviceResources(service),
                    () -> ecs.listServiceDeployments(b -> {
                        b.cluster(service.cluster()).service(service.service()).nextToken(next);
                        filter.accept(b);
                    }));
            all.addAll(page.serviceDeployments());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    @Override
    public void tagTaskDefinition(TaskDefinitionRef ref, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        String arn = arnOf(ref);
        AwsCall.exec("ecs:TagResource", AwsResource.given("task definition", arn),
                () -> ecs.tagResource(b -> b.resourceArn(arn).tags(tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
    }

    @Override
    public void untagTaskDefinition(TaskDefinitionRef ref, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String arn = arnOf(ref);
        AwsCall.exec("ecs:UntagResource", AwsResource.given("task definition", arn),
                () -> ecs.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));
    }

    @Override
    public Map<String, String> tagsOf(TaskDefinitionRef ref) {
        String arn = arnOf(ref);
        return tagMap(AwsCall.run("ecs:ListTagsForResource", AwsResource.given("task definition", arn),
                () -> ecs.listTagsForResource(b -> b.resourceArn(arn))).tags());
    }

    private String arnOf(TaskDefinitionRef ref) {
        String known = arns.get(ref);
        return known != null ? known : describeTaskDefinition(ref.toString()).arn();
    }

    private DescribeTaskDefinitionResponse describeFull(String taskDefinition) {
        if (taskDefinition == null || taskDefinition.isBlank()) {
            throw new InvalidInputException("taskDefinition", "must not be empty");
        }
        return AwsCall.run("ecs:DescribeTaskDefinition", AwsResource.given("task definition", taskDefinition), () -> {
            try {
                return ecs.describeTaskDefinition(b -> b.taskDefinition(taskDefinition).include(TaskDefinitionField.TAGS));
            } catch (ClientException e) {
                // ECS says "Unable to describe task definition." (a ClientException, not a NotFound code)
                if (String.valueOf(e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage())
                        .contains("Unable to describe task definition")) {
                    throw new PreconditionFailedException("task definition '" + taskDefinition
                            + "' was not found (ecs:DescribeTaskDefinition); check the revision you gave, and the region/account");
                }
                throw e;
            }
        });
    }

    ServiceState toState(String cluster, Service s) {
        List<Deployment> deployments = s.deployments().stream().map(AwsEcs::toDeployment).toList();
        String td = s.taskDefinition() != null ? s.taskDefinition()
                : s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).map(d -> d.taskDefinition())
                .filter(Objects::nonNull).findFirst().orElse(null);
        List<String> targetGroups = s.loadBalancers().stream().map(LoadBalancer::targetGroupArn)
                .filter(Objects::nonNull).distinct().toList();
        List<ServiceEvent> events = s.events().stream()
                .map(e -> new ServiceEvent(e.createdAt(), e.message()))
                .sorted(Comparator.comparing(ServiceEvent::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        return new ServiceState(new ServiceRef(cluster, s.serviceName()), s.status(), zero(s.desiredCount()),
                zero(s.runningCount()), zero(s.pendingCount()), td != null ? TaskDefinitionRef.parse(td) : null,
                deployments, targetGroups, circuitBreakerRollback(s.deploymentConfiguration()), events);
    }

    private static Deployment toDeployment(software.amazon.awssdk.services.ecs.model.Deployment d) {
        return new Deployment(d.id(), d.status(), d.taskDefinition() != null ? TaskDefinitionRef.parse(d.taskDefinition()) : null,
                rollout(d.rolloutStateAsString()), d.rolloutStateReason(), zero(d.desiredCount()), zero(d.runningCount()),
                zero(d.pendingCount()), zero(d.failedTasks()), d.createdAt(), d.updatedAt());
    }

    private static RolloutState rollout(String state) {
        if (state == null) {
            return RolloutState.UNKNOWN;
        }
        try {
            return RolloutState.valueOf(state);
        } catch (IllegalArgumentException e) {
            return RolloutState.UNKNOWN;
        }
    }

    private static boolean circuitBreakerRollback(DeploymentConfiguration c) {
        DeploymentCircuitBreaker cb = c != null ? c.deploymentCircuitBreaker() : null;
        return cb != null && Boolean.TRUE.equals(cb.enable()) && Boolean.TRUE.equals(cb.rollback());
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }

    private static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value() == null ? "" : t.value()));
        return m;
    }

    /** DescribeServices accepts names or ARNs and answers with names. */
    private static String shortName(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private static String failureReason(List<Failure> failures, String name) {
        return failures.stream()
                .filter(f -> f.arn() != null && f.arn().endsWith("/" + shortName(name)))
                .map(f -> " (" + f.reason() + (f.detail() != null ? ": " + f.detail() : "") + ")")
                .findFirst().orElse(" (INACTIVE or MISSING)");
    }

    private String missingServices(String cluster, List<String> missing) {
        boolean configured = cluster.equals(config.ecs().cluster())
                && missing.stream().anyMatch(m -> m.startsWith(config.ecs().service() + " "));
        return "ECS service(s) not found in cluster '" + cluster + "': " + String.join(", ", missing)
                + (configured ? "; check ecs.service (and ecs.cluster) in the environment config and the region/account"
                : "; check the service name you gave and the region/account");
    }

    @Override
    public Map<String, String> serviceTags(ServiceRef service) {
        String arn = serviceArn(service);
        return tagMap(AwsCall.run("ecs:ListTagsForResource", AwsResource.given("ECS service", arn),
                () -> ecs.listTagsForResource(b -> b.resourceArn(arn))).tags());
    }

    @Override
    public void tagService(ServiceRef service, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        String arn = serviceArn(service);
        AwsCall.exec("ecs:TagResource", AwsResource.given("ECS service", arn),
                () -> ecs.tagResource(b -> b.resourceArn(arn).tags(tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
    }

    @Override
    public void untagService(ServiceRef service, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String arn = serviceArn(service);
        AwsCall.exec("ecs:UntagResource", AwsResource.given("ECS service", arn),
                () -> ecs.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));
    }

    /** Tag calls need the service's ARN, which only DescribeServices tells (the account is not in the config). */
    private String serviceArn(ServiceRef service) {
        return serviceArns.computeIfAbsent(service, ref -> {
            DescribeServicesResponse r = AwsCall.run("ecs:DescribeServices", serviceResources(ref),
                    () -> ecs.describeServices(b -> b.cluster(ref.cluster()).services(ref.service())));
            return r.services().stream().filter(s -> !"INACTIVE".equals(s.status())).map(Service::serviceArn)
                    .findFirst().orElseThrow(() -> new PreconditionFailedException(missingServices(ref.cluster(),
                            List.of(ref.service() + failureReason(r.failures(), ref.service())))));
        });
    }

    /** DescribeTasks takes at most 100 tasks a call. */
    static final int DESCRIBE_TASKS_BATCH = 100;

    @Override
    public List<EcsTask> serviceTasks(ServiceRef service) {
        List<String> arns = new ArrayList<>();
        // desired status RUNNING (ListTasks' default, said here): a task being stopped is no longer the service's
        AwsCall.exec("ecs:ListTasks", serviceResources(service), () -> ecs.listTasksPaginator(b -> b
                .cluster(service.cluster()).serviceName(service.service()).desiredStatus(DesiredStatus.RUNNING))
                .taskArns().forEach(arns::add));
        List<EcsTask> tasks = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += DESCRIBE_TASKS_BATCH) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_TASKS_BATCH));
            DescribeTasksResponse r = AwsCall.run("ecs:DescribeTasks", clusterResource(service.cluster()),
                    () -> ecs.describeTasks(b -> b.cluster(service.cluster()).tasks(batch)));
            // a task that stopped between the two calls is a failure (MISSING) here: it is no longer the service's
            r.tasks().forEach(t -> tasks.add(new EcsTask(t.taskArn(), t.lastStatus(), t.desiredStatus(), t.group(),
                    t.startedAt())));
        }
        tasks.sort(Comparator.comparing((EcsTask t) -> t.startedAt() == null ? Instant.MAX : t.startedAt()));
        return List.copyOf(tasks);
    }

    @Override
    public void stopTask(String cluster, String taskArn, String reason) {
        AwsCall.exec("ecs:StopTask", clusterResource(cluster),
                () -> ecs.stopTask(b -> b.cluster(cluster).task(taskArn).reason(reason)));
    }

    private Function<String, AwsResource> clusterResource(String cluster) {
        AwsResource c = cluster.equals(config.ecs().cluster())
                ? AwsResource.of("ECS cluster", cluster, "ecs.cluster") : AwsResource.given("ECS cluster", cluster);
        return code -> c;
    }

    private Function<String, AwsResource> serviceResources(ServiceRef service) {
        AwsResource cluster = clusterResource(service.cluster()).apply(null);
        AwsResource svc = service.equals(config.serviceRef())
                ? AwsResource.of("ECS service", service.toString(), "ecs.service")
                : AwsResource.given("ECS service", service.toString());
        return code -> code != null && code.startsWith("Cluster") ? cluster : svc;
    }

    private String fieldsOf(ServiceRef service) {
        return service.equals(config.serviceRef()) ? "ecs.cluster and ecs.service in the environment config"
                : "the cluster and service names you gave";
    }

    /**
     * Copies every member RegisterTaskDefinitionRequest shares with the described TaskDefinition (family, roles,
     * network mode, containers, volumes, placement constraints, compatibilities, cpu, memory, runtime platform,
     * ephemeral storage, proxy configuration, pid/ipc mode, inference accelerators, fault injection, and whatever
     * a newer SDK adds to both), by the SDK's own field metadata, so no field is silently dropped from the clone.
     */
    static final class TaskDefinitionClone {
        private TaskDefinitionClone() {
        }

        static RegisterTaskDefinitionRequest.Builder of(software.amazon.awssdk.services.ecs.model.TaskDefinition td) {
            RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder();
            Map<String, SdkField<?>> source = td.sdkFields().stream()
                    .collect(Collectors.toMap(SdkField::memberName, f -> f));
            for (SdkField<?> target : ((SdkPojo) b).sdkFields()) {
                SdkField<?> from = source.get(target.memberName());
                if (from != null) {
                    target.set(b, from.getValueOrDefault(td));
                }
            }
            return b;
        }

        /** The member names copied, for tests and the report. */
        static List<String> copiedMembers() {
            Set<String> source = software.amazon.awssdk.services.ecs.model.TaskDefinition.builder().build().sdkFields()
                    .stream().map(SdkField::memberName).collect(Collectors.toSet());
            return ((SdkPojo) RegisterTaskDefinitionRequest.builder()).sdkFields().stream()
                    .map(SdkField::memberName).filter(source::contains).toList();
        }
    }
}
