package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.Severity;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Composes a simulated environment. The defaults are the {@code healthy} scenario: revisions 38..42 of
 * {@code t-developer-backend-<env>} ACTIVE (35..37 INACTIVE), the service steady on 42 with image tag
 * {@code 2.0.42} (revision N runs {@code 2.0.N}), 42 tagged known-good, 3 tasks, autoscaling 2..20
 * (from the config), circuit breaker on without rollback, a backup 6 hours old, clean image scans, alarms OK.
 * The clock starts at 2026-11-26T09:00:00Z.
 */
public final class SimBuilder {
    public static final Instant DEFAULT_START = Instant.parse("2026-11-26T09:00:00Z");

    private final EnvironmentConfig config;
    private long seed = 20261126L;
    private Instant start = DEFAULT_START;
    private int oldestActive = 38;
    private int current = 42;
    private final Set<Integer> knownGood = new LinkedHashSet<>(List.of(42));
    private int desired = 3;
    private boolean breakerEnabled = true;
    private boolean breakerRollback;
    private boolean loadBalanced = true;
    private boolean autoScaling = true;
    private Integer minCapacity;
    private Integer maxCapacity;
    private String deployingTag;
    private Duration deployingFor = Duration.ZERO;
    private final List<Duration> backupAges = new ArrayList<>(List.of(Duration.ofHours(6), Duration.ofHours(30), Duration.ofHours(54)));
    private final Map<String, Map<Severity, Integer>> scanFindings = new LinkedHashMap<>();
    private Map<Severity, Integer> defaultScanFindings;
    /** Builds CI pushed and nobody deployed yet: the images the demo, the examples and the tests deploy. */
    static final List<String> RELEASE_CANDIDATES = List.of("2.0.43", "2.0.44", "2.0.50", "2.1.0", "2.1.0-faulty",
            "2.1.0-bad");
    private final List<String> pushedTags = new ArrayList<>(RELEASE_CANDIDATES);
    private final List<String> neverScannedTags = new ArrayList<>();
    private record PinnedAlarm(String name, AlarmState state, Instant since, String namespace, String metricName,
                               Map<String, String> dimensions) {
    }

    private record Throttle(String api, int times) {
    }

    private final List<PinnedAlarm> pinnedAlarms = new ArrayList<>();
    private final Set<String> badImages = new LinkedHashSet<>();
    private final Set<String> faultyImages = new LinkedHashSet<>();
    private double cpuPercent = 55;
    private final Map<String, Double> slowAgents = new LinkedHashMap<>();
    private boolean replication = true;
    private int replicationFailures;
    private boolean pointInTimeRecovery = true;
    private boolean primaryHealthy = true;
    private int projectsPerDay = 60;
    private final List<Throttle> throttles = new ArrayList<>();
    private Duration outageAgo;
    private double trafficFactor = 1;
    private Duration trafficFor = Duration.ZERO;
    private double cacheSlowdown = 1;
    private final Map<String, Duration> failingAgents = new LinkedHashMap<>();
    private final List<SimWorld.HistoryIncident> historyIncidents = new ArrayList<>();
    private final List<PastRollback> pastRollbacks = new ArrayList<>();

    private record PastRollback(Instant startedAt, Duration took, String reason) {
    }
    private Duration secretAge = Duration.ofDays(40);
    private boolean secretRotation = true;
    private Duration secretRotationTakes = SimSecrets.ROTATION_TAKES;
    private PublicAccessBlock publicAccessBlock = PublicAccessBlock.ALL_BLOCKED;
    private String bucketPolicy;
    private boolean bucketPolicySet;

    private record OpenRule(String groupNameContains, IngressRule rule) {
    }

    private record Burst(String kind, int count, Duration over, List<String> sources) {
    }

    private final List<OpenRule> openRules = new ArrayList<>();
    private final Map<String, String> secretDocuments = new LinkedHashMap<>();
    private final List<Burst> bursts = new ArrayList<>();

    private record LoadTest(Duration after, Duration duration, int users) {
    }

    private final List<LoadTest> loadTests = new ArrayList<>();
    private String dbClass;
    private final Map<String, String> serviceTags = new LinkedHashMap<>();

    SimBuilder(EnvironmentConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    EnvironmentConfig config() {
        return config;
    }

    /** Seeds every random choice (start-up times, log lines, ids): same seed, same calls, same world. */
    public SimBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    public SimBuilder startAt(Instant instant) {
        this.start = Objects.requireNonNull(instant, "start");
        return this;
    }

    /** Revisions {@code oldestActive..current} are ACTIVE (the three below INACTIVE); the service runs {@code current}. */
    public SimBuilder revisions(int oldestActive, int current) {
        if (oldestActive < 1 || current < oldestActive) {
            throw new InvalidInputException("revisions", "need 1 <= oldestActive <= current, got " + oldestActive + ".." + current);
        }
        this.oldestActive = oldestActive;
        this.current = current;
        knownGood.removeIf(r -> r > current);
        return this;
    }

    /** Only these revisions carry the known-good tag (config {@code deploy.knownGoodTag}). */
    public SimBuilder knownGood(int... revisions) {
        knownGood.clear();
        for (int r : revisions) {
            knownGood.add(r);
        }
        return this;
    }

    public SimBuilder noKnownGood() {
        knownGood.clear();
        return this;
    }

    public SimBuilder desiredCount(int count) {
        if (count < 0) {
            throw new InvalidInputException("desiredCount", "must be 0 or more, got " + count);
        }
        this.desired = count;
        return this;
    }

    /** The deployment circuit breaker is on; with {@code rollback} ECS rolls a failed deployment back by itself. */
    public SimBuilder circuitBreaker(boolean rollback) {
        this.breakerEnabled = true;
        this.breakerRollback = rollback;
        return this;
    }

    /** No circuit breaker: a failing deployment stays IN_PROGRESS and ECS keeps replacing crashed tasks. */
    public SimBuilder circuitBreakerOff() {
        this.breakerEnabled = false;
        this.breakerRollback = false;
        return this;
    }

    public SimBuilder autoScaling(int min, int max) {
        if (min < 0 || max < min) {
            throw new InvalidInputException("autoScaling", "need 0 <= min <= max, got " + min + ".." + max);
        }
        this.autoScaling = true;
        this.minCapacity = min;
        this.maxCapacity = max;
        return this;
    }

    /** The service has no load balancer: DescribeServices lists no target group (a worker-style service). */
    public SimBuilder noLoadBalancer() {
        this.loadBalanced = false;
        return this;
    }

    public SimBuilder noAutoScaling() {
        this.autoScaling = false;
        return this;
    }

    /**
     * A deployment of a new revision (current + 1, image {@code imageTag} of the config's repository) began
     * {@code startedAgo} before the start instant and has progressed since.
     */
    public SimBuilder deploying(String imageTag, Duration startedAgo) {
        if (imageTag == null || imageTag.isBlank()) {
            throw new InvalidInputException("imageTag", "must not be empty");
        }
        if (startedAgo.isNegative()) {
            throw new InvalidInputException("startedAgo", "must not be negative");
        }
        this.deployingTag = imageTag;
        this.deployingFor = startedAgo;
        return this;
    }

    /** AVAILABLE on-demand backups of the table, each taken this long before the start. */
    public SimBuilder backupAges(Duration... ages) {
        backupAges.clear();
        backupAges.addAll(List.of(ages));
        return this;
    }

    public SimBuilder noBackups() {
        backupAges.clear();
        return this;
    }

    public SimBuilder scanFindings(String imageTag, Map<Severity, Integer> counts) {
        scanFindings.put(imageTag, Map.copyOf(counts));
        return this;
    }

    /** Images ECR has no scan of (scan on push was off): their findings say so until a scan is started. */
    public SimBuilder neverScanned(String... tags) {
        neverScannedTags.addAll(List.of(tags));
        return this;
    }

    /** Images pushed to the repository (10 minutes apart, the last one 30 minutes before the start) that no revision runs. */
    public SimBuilder pushed(String... tags) {
        pushedTags.addAll(List.of(tags));
        return this;
    }

    /** The repository holds only the images of registered revisions (no undeployed build). */
    public SimBuilder onlyDeployedImages() {
        pushedTags.clear();
        return this;
    }

    public SimBuilder scanFindingsForAllImages(Map<Severity, Integer> counts) {
        defaultScanFindings = Map.copyOf(counts);
        return this;
    }

    /** An alarm pinned to a state since an instant (the simulation will not re-evaluate it). */
    public SimBuilder alarm(String name, AlarmState state, Instant since) {
        return alarm(name, state, since, config.metricNamespace(), "Custom");
    }

    /** An alarm on a given metric, pinned to a state since an instant. */
    public SimBuilder alarm(String name, AlarmState state, Instant since, String namespace, String metricName) {
        return alarm(name, state, since, namespace, metricName, Map.of());
    }

    /** An alarm on a metric with dimensions (e.g. ServiceName → another environment's service), pinned to a state. */
    public SimBuilder alarm(String name, AlarmState state, Instant since, String namespace, String metricName,
                            Map<String, String> dimensions) {
        pinnedAlarms.add(new PinnedAlarm(Objects.requireNonNull(name, "name"), Objects.requireNonNull(state, "state"),
                Objects.requireNonNull(since, "since"), namespace, metricName, Map.copyOf(dimensions)));
        return this;
    }

    /** Tasks of this image (full URI) crash, as those of a tag containing "bad" do. */
    public SimBuilder badImage(String image) {
        badImages.add(image);
        return this;
    }

    /** Tasks of this image pass health checks but fail many generations, as those of a tag containing "faulty" do. */
    public SimBuilder faultyImage(String image) {
        faultyImages.add(image);
        return this;
    }

    /** CPU of each task at the starting task count (the demand then spreads over however many tasks run). */
    public SimBuilder cpuPercent(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new InvalidInputException("cpuPercent", "must be in (0, 100], got " + percent);
        }
        this.cpuPercent = percent;
        return this;
    }

    /** An agent whose {@code execution_time} log lines average this many seconds. */
    public SimBuilder slowAgent(String agent, double seconds) {
        if (!LogLines.AGENTS.contains(agent)) {
            throw InvalidInputException.notAllowed("agent", agent, LogLines.AGENTS);
        }
        slowAgents.put(agent, seconds);
        return this;
    }

    private int fleetServices;
    private List<String> fleetClusters = List.of();

    /**
     * Beside the environment's own service, {@code services} other steady services ({@code svc-0001} ...) round-robin
     * over {@code clusters}, with a fixed mix of troubled ones (see {@link SimFleet}).
     */
    public SimBuilder fleet(int services, List<String> clusters) {
        if (services < 0 || services > 100_000 || clusters == null || clusters.isEmpty()) {
            throw new InvalidInputException("fleet", "got " + services + " services in " + clusters
                    + "; allowed: 0 to 100000 services in one or more clusters");
        }
        this.fleetServices = services;
        this.fleetClusters = List.copyOf(clusters);
        return this;
    }

    /**
     * With {@link #deploying}: the deployed image's latent defect shows {@code ago} before the start, once its
     * rollout is long done: every task of it fails health checks and crashes, and so do the replacements: a total
     * outage that a rollback to the previous revision ends.
     */
    public SimBuilder outageAfterDeploy(Duration ago) {
        if (ago == null || ago.isNegative() || ago.isZero()) {
            throw new InvalidInputException("outageAgo", "must be positive, got " + ago);
        }
        this.outageAgo = ago;
        return this;
    }

    /** Requests and CPU demand are {@code factor} times the usual since {@code since} before the start (a traffic spike). */
    public SimBuilder traffic(double factor, Duration since) {
        if (!(factor >= 1 && factor <= 20)) {
            throw new InvalidInputException("traffic", "must be 1..20, got " + factor);
        }
        if (since == null || since.isNegative() || since.isZero()) {
            throw new InvalidInputException("trafficSince", "must be positive, got " + since);
        }
        this.trafficFactor = factor;
        this.trafficFor = since;
        return this;
    }

    /** A stale cache: every agent runs {@code slowdown} times slower until {@code POST /admin/clear-cache}. */
    public SimBuilder staleCache(double slowdown) {
        if (!(slowdown > 1 && slowdown <= 50)) {
            throw new InvalidInputException("staleCache", "must be more than 1 and at most 50, got " + slowdown);
        }
        this.cacheSlowdown = slowdown;
        return this;
    }

    /** The agent's calls time out from {@code since} before the start until it is restarted through the admin endpoint. */
    public SimBuilder failingAgent(String agent, Duration since) {
        if (!LogLines.AGENTS.contains(agent)) {
            throw InvalidInputException.notAllowed("agent", agent, LogLines.AGENTS);
        }
        failingAgents.put(agent, since);
        return this;
    }

    /**
     * A load test of {@code users} virtual users, starting {@code after} the simulation's start and lasting
     * {@code duration} (the runbook's k6 run: 100 users, 10 minutes).
     */
    public SimBuilder loadTest(Duration after, Duration duration, int users) {
        if (users < 1 || duration.isNegative() || duration.isZero() || after.isNegative()) {
            throw new InvalidInputException("loadTest", "needs users >= 1, a positive duration and a start >= 0");
        }
        loadTests.add(new LoadTest(after, duration, users));
        return this;
    }

    /**
     * A traffic event prepared earlier (by another machine): the service on {@code tasks} with autoscaling's minimum
     * raised to it, the database on {@code dbClass}, and the record of the values before (3 tasks, 2..20, db.r6g.large)
     * in the service tag {@code traffic.stateTag}, as {@code traffic-event prepare} leaves it.
     */
    public SimBuilder trafficEventPrepared(int tasks, String dbClass) {
        desiredCount(tasks);
        cpuPercent(cpuPercent * 3 / tasks);
        autoScaling(tasks, Math.max(tasks, config.autoscaling().maxTasks()));
        this.dbClass = dbClass;
        serviceTags.put(config.traffic().stateTag(), "desired=3 min=" + config.autoscaling().minTasks() + " max="
                + config.autoscaling().maxTasks() + " db=db.r6g.large at=" + start.minus(Duration.ofHours(2))
                + " by=alice");
        return this;
    }

    private Duration newBucketAge;
    private int newBucketProjects;

    public SimBuilder noReplication() {
        this.replication = false;
        return this;
    }

    /** The newest {@code count} objects of the bucket failed to replicate (S3 status FAILED). */
    public SimBuilder replicationFailures(int count) {
        this.replicationFailures = count;
        return this;
    }

    /** Point-in-time recovery is off on the metadata table. */
    public SimBuilder noPointInTimeRecovery() {
        this.pointInTimeRecovery = false;
        return this;
    }

    /** Every Route 53 checker sees the primary target failing. */
    public SimBuilder primaryUnhealthy() {
        this.primaryHealthy = false;
        return this;
    }

    public SimBuilder projectsPerDay(int count) {
        if (count < 0) {
            throw new InvalidInputException("projectsPerDay", "must be 0 or more, got " + count);
        }
        this.projectsPerDay = count;
        return this;
    }

    /**
     * The bucket was created {@code age} ago (less than a day: S3 has published no daily storage metrics for it yet)
     * and holds {@code projects} projects (two objects each) written since.
     */
    public SimBuilder newBucket(Duration age, int projects) {
        if (age.isNegative() || age.isZero() || age.compareTo(Duration.ofDays(1)) >= 0 || projects < 0) {
            throw new InvalidInputException("newBucket", "got age " + age + ", projects " + projects
                    + "; allowed: an age of more than 0 and less than a day, 0 or more projects");
        }
        this.newBucketAge = age;
        this.newBucketProjects = projects;
        return this;
    }

    /**
     * Bad hours in the history before the start: from {@code start} for {@code length}, {@code failShare} of the
     * generations failed, the ALB answered 5xx to part of the requests, pipelines ran over a minute and CPU was hot.
     */
    public SimBuilder historyIncident(Instant start, Duration length, double failShare) {
        if (failShare <= 0 || failShare > 1) {
            throw new InvalidInputException("failShare", "got " + failShare + "; allowed (0, 1]");
        }
        if (length.isNegative() || length.isZero()) {
            throw new InvalidInputException("length", "must be positive, got " + length);
        }
        historyIncidents.add(new SimWorld.HistoryIncident(start, length, failShare));
        return this;
    }

    /**
     * A deployment before the start that ECS rolled back (ROLLBACK_SUCCESSFUL {@code took} after it began), with
     * ECS's status reason: the circuit breaker, an alarm, or a StopServiceDeployment (tdev-ops' deploy guard).
     */
    public SimBuilder pastRollback(Instant startedAt, Duration took, String reason) {
        if (took.isNegative() || took.isZero()) {
            throw new InvalidInputException("took", "must be positive, got " + took);
        }
        pastRollbacks.add(new PastRollback(startedAt, took, reason));
        return this;
    }

    /**
     * The API-key secret's current value was made this long before the start; with {@code rotationConfigured} it
     * came from Secrets Manager rotation (a rotation function is attached), else it was put by hand and RotateSecret
     * is refused.
     */
    public SimBuilder apiSecret(Duration valueAge, boolean rotationConfigured) {
        if (valueAge.isNegative()) {
            throw new InvalidInputException("valueAge", "must not be negative");
        }
        this.secretAge = valueAge;
        this.secretRotation = rotationConfigured;
        return this;
    }

    /** Secrets Manager's rotation function takes this long to promote a new version (default 30 s). */
    public SimBuilder secretRotationTakes(Duration duration) {
        if (duration.isNegative()) {
            throw new InvalidInputException("duration", "must not be negative");
        }
        this.secretRotationTakes = duration;
        return this;
    }

    /** The projects bucket's Block Public Access settings; null = the bucket has none. */
    public SimBuilder publicAccessBlock(PublicAccessBlock settings) {
        this.publicAccessBlock = settings;
        return this;
    }

    /** The projects bucket's policy (JSON); null = the bucket has none. */
    public SimBuilder bucketPolicy(String json) {
        this.bucketPolicy = json;
        this.bucketPolicySet = true;
        return this;
    }

    /** A secret {@code name} (besides the API key) holding {@code value}, created an hour before the start. */
    public SimBuilder secret(String name, String value) {
        secretDocuments.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds an inbound rule to the simulated security group whose name contains {@code groupNameContains}. */
    public SimBuilder ingress(String groupNameContains, IngressRule rule) {
        openRules.add(new OpenRule(Objects.requireNonNull(groupNameContains, "groupNameContains"),
                Objects.requireNonNull(rule, "rule")));
        return this;
    }

    /**
     * {@code count} log events of {@code kind} ({@code authentication failed} or {@code rate_limit_exceeded}) in the
     * {@code over} before the start, 70 % of them from the first source.
     */
    public SimBuilder logBurst(String kind, int count, Duration over, String... sources) {
        if (!List.of("authentication failed", "rate_limit_exceeded").contains(kind)) {
            throw InvalidInputException.notAllowed("kind", kind, List.of("authentication failed", "rate_limit_exceeded"));
        }
        if (count < 1 || over.isZero() || over.isNegative() || sources.length == 0) {
            throw new InvalidInputException("logBurst", "need count >= 1, a positive duration and a source");
        }
        bursts.add(new Burst(kind, count, over, List.of(sources)));
        return this;
    }

    /** After building, the next {@code times} calls of {@code api} are throttled. */
    public SimBuilder throttle(String api, int times) {
        throttles.add(new Throttle(api, times));
        return this;
    }

    public SimEnvironment build() {
        Instant epoch = start.minus(deployingFor.compareTo(trafficFor) > 0 ? deployingFor : trafficFor);
        SimWorld w = new SimWorld(config, epoch, seed);
        w.badImages.addAll(badImages);
        w.faultyImages.addAll(faultyImages);
        w.cpuLoad = cpuPercent * Math.max(1, desired);
        if (cacheSlowdown > 1) {
            w.cacheStale = true;
            w.cacheSlowdown = cacheSlowdown;
        }
        failingAgents.forEach((agent, since) -> w.failingAgents.put(agent, start.minus(since)));
        w.historyIncidents.addAll(historyIncidents);
        loadTests.forEach(t -> w.load.add(start.plus(t.after()), t.duration(), t.users()));

        SimEcs ecs = new SimEcs(w, desired);
        w.ecs = ecs;
        for (int r = Math.max(1, oldestActive - 3); r <= current; r++) {
            SimTaskDefinition def = ecs.addRevision(r, "2.0." + r, r < oldestActive ? "INACTIVE" : "ACTIVE",
                    epoch.minus(Duration.ofDays(3L * (current - r + 1))));
            def.tags.put("service", "t-developer");
            if (knownGood.contains(r)) {
                def.tags.put(config.deploy().knownGoodTag(), "true");
            }
        }
        w.loadBalanced = loadBalanced;
        ecs.circuitBreaker(breakerEnabled, breakerRollback);
        ecs.startSteady(new TaskDefinitionRef(w.family(), current), epoch.minus(Duration.ofDays(2)));

        if (fleetServices > 0) {
            w.fleet.generate(fleetServices, fleetClusters);
        }
        w.targetHealth = new SimTargetHealth(w);
        w.metrics = new SimMetrics(w);
        w.logs = new SimLogs(w);
        w.logs.agentSeconds.putAll(slowAgents);
        w.logs.writeHistory(ecs.tasks().stream().map(SimLogs::stream).toList());
        bursts.forEach(b -> w.logs.burst(b.kind(), b.count(), b.over(), b.sources()));
        w.alarms = new SimAlarms(w);
        addAlarms(w, epoch);
        historyIncidents.stream().sorted(java.util.Comparator.comparing(SimWorld.HistoryIncident::start)).forEach(i -> {
            String base = SimWorld.alarmBase(config);
            w.alarms.recordPastIncident(List.of(base + "-alb-5xx", base + "-error-rate", base + "-pipeline-p95"),
                    i.start(), i.start().plus(i.length()));
        });
        pastRollbacks.forEach(r -> ecs.rolledBackInThePast(r.startedAt(), r.startedAt().plus(r.took()), r.reason()));
        w.autoScaling = new SimAutoScaling(w);
        if (autoScaling) {
            w.autoScaling.register(minCapacity != null ? minCapacity : config.autoscaling().minTasks(),
                    maxCapacity != null ? maxCapacity : config.autoscaling().maxTasks(), config.autoscaling().targetCpuPercent());
        }
        w.storage = new SimStorage(w);
        if (newBucketAge != null) {
            w.storage.fillNew(newBucketAge, newBucketProjects);
        } else {
            w.storage.fill(45, 40);
        }
        w.storage.replication(replication);
        w.storage.publicAccessBlock(publicAccessBlock);
        if (bucketPolicySet) {
            w.storage.policy(bucketPolicy);
        }
        w.storage.replicationFailures(replicationFailures);
        w.tables = new SimTables(w);
        w.tables.fill(14, projectsPerDay, 40);
        w.tables.fillHistory(15, 42, projectsPerDay, 40);
        backupAges.forEach(w.tables::addBackup);
        w.tables.pointInTimeRecovery(pointInTimeRecovery);
        w.notifier = new SimNotifier(w);
        w.imageScans = new SimImageScans(w);
        scanFindings.forEach(w.imageScans::findings);
        neverScannedTags.forEach(w.imageScans::neverScanned);
        for (int i = 0; i < pushedTags.size(); i++) {
            w.imageScans.push(pushedTags.get(i), start.minus(Duration.ofMinutes(30L + 10L * (pushedTags.size() - 1 - i))));
        }
        if (defaultScanFindings != null) {
            w.imageScans.defaultFindings(defaultScanFindings);
        }
        w.secrets = new SimSecrets(w, secretAge, secretRotation);
        w.secrets.rotationTakes = secretRotationTakes;
        secretDocuments.forEach((name, value) -> w.secrets.seed(name, value, epoch.minus(Duration.ofHours(1))));
        w.securityGroups = new SimSecurityGroups(w);
        openRules.forEach(o -> w.securityGroups.open(o.groupNameContains(), o.rule()));
        w.dns = new SimDns(w);
        if (!primaryHealthy) {
            w.dns.primaryUnhealthy();
        }
        w.databases = new SimDatabases(w);
        w.admin = new SimAdmin(w);
        w.webhooks = new SimWebhooks(w);
        if (dbClass != null) {
            w.databases.instanceClass(dbClass);
        }
        ecs.serviceTags(serviceTags);

        if (trafficFactor > 1) {
            // the spike begins at the epoch: the days before were usual, so the rate stands out against them
            w.requestsPerSecond *= trafficFactor;
            w.cpuLoad *= trafficFactor;
            w.generationsPerMinute *= trafficFactor;
            if (deployingTag == null) {
                w.advance(trafficFor);
            }
        }
        if (deployingTag != null) {
            SimTaskDefinition next = ecs.addRevision(current + 1, deployingTag, "ACTIVE", epoch.minusSeconds(60));
            next.tags.put("service", "t-developer");
            ecs.deploy(next.ref);
            if (outageAgo != null && outageAgo.compareTo(deployingFor) < 0) {
                w.advance(deployingFor.minus(outageAgo));
                ecs.breakTasksOf(next.mainImage());
                w.advance(outageAgo);
            } else {
                w.advance(deployingFor);
            }
        }

        for (Throttle t : throttles) {
            w.faults.throttle(t.api(), t.times());
        }
        return new SimEnvironment(w);
    }

    private void addAlarms(SimWorld w, Instant epoch) {
        String base = SimWorld.alarmBase(config);
        EnvironmentConfig.Slo slo = config.slo();
        Instant okSince = epoch.minus(Duration.ofDays(3));
        SimAlarms a = w.alarms;
        // the dimensions CloudWatch gives these metrics: the ALB's, the target group's, the ECS service's
        Map<String, String> alb = Map.of("LoadBalancer", TargetGroup.dimension(w.loadBalancerArn()));
        Map<String, String> targets = new LinkedHashMap<>(Map.of("TargetGroup", TargetGroup.dimension(w.targetGroupArn())));
        targets.putAll(alb);
        Map<String, String> ecsService = new LinkedHashMap<>(Map.of("ClusterName", config.ecs().cluster()));
        ecsService.put("ServiceName", config.ecs().service());
        a.addEvaluated(base + "-alb-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", alb,
                new SimAlarms.Rule(3, m -> m.stream().mapToDouble(MinuteSample::elb5xx).sum(), "GreaterThanOrEqualToThreshold", 10), okSince);
        a.addEvaluated(base + "-error-rate", config.metricNamespace(), "ErrorRate", Map.of(),
                new SimAlarms.Rule(10, SimBuilder::errorRate, "GreaterThanThreshold", slo.highErrorRatePercent()), okSince);
        a.addEvaluated(base + "-unhealthy-hosts", "AWS/ApplicationELB", "UnHealthyHostCount", targets,
                new SimAlarms.Rule(2, m -> m.stream().mapToDouble(MinuteSample::unhealthyHosts).max().orElse(0),
                        "GreaterThanOrEqualToThreshold", 1), okSince);
        a.addEvaluated(base + "-cpu-high", "AWS/ECS", "CPUUtilization", ecsService,
                new SimAlarms.Rule(2, m -> m.stream().mapToDouble(MinuteSample::cpuAvg).min().orElse(0),
                        "GreaterThanThreshold", slo.cpuPercent()), okSince);
        a.addEvaluated(base + "-memory-high", "AWS/ECS", "MemoryUtilization", ecsService,
                new SimAlarms.Rule(2, m -> m.stream().mapToDouble(MinuteSample::memAvg).min().orElse(0),
                        "GreaterThanThreshold", slo.memoryPercent()), okSince);
        a.addEvaluated(base + "-pipeline-p95", config.metricNamespace(), "PipelineExecutionTime", Map.of(),
                new SimAlarms.Rule(5, m -> m.stream().mapToDouble(MinuteSample::pipelineP95).average().orElse(0),
                        "GreaterThanThreshold", slo.pipelineP95Seconds()), okSince);
        a.pin(base + "-dynamodb-throttles", "AWS/DynamoDB", "ThrottledRequests", Map.of("TableName", config.table().name()),
                AlarmState.OK, epoch.minus(Duration.ofDays(5)),
                "Threshold Crossed: no datapoints were greater than or equal to the threshold (1.0).");
        a.pin(base + "-cleanup-lambda-errors", "AWS/Lambda", "Errors", Map.of("FunctionName", "t-developer-cleanup-" + config.name()),
                AlarmState.OK, epoch.minus(Duration.ofDays(12)),
                "Threshold Crossed: no datapoints were greater than or equal to the threshold (1.0).");
        // Outside the prefix and about no resource of the environment: a health check must not count it.
        a.pin("billing-estimated-charges", "AWS/Billing", "EstimatedCharges", Map.of("Currency", "USD"), AlarmState.ALARM,
                epoch.minus(Duration.ofDays(9)),
                "Threshold Crossed: 1 datapoint [1412.3 (17/11/26 00:00:00)] was greater than the threshold (1000.0).");
        for (PinnedAlarm p : pinnedAlarms) {
            AlarmState state = p.state();
            a.pin(p.name(), p.namespace(), p.metricName(), p.dimensions(), state, p.since(), state == AlarmState.ALARM
                    ? "Threshold Crossed: 1 datapoint was greater than the threshold (simulated)."
                    : state == AlarmState.INSUFFICIENT_DATA ? "Insufficient Data: 1 datapoint was unknown."
                    : "Threshold Crossed: no datapoints were greater than the threshold (simulated).");
        }
        a.evaluate(w.now());
    }

    private static double errorRate(List<MinuteSample> minutes) {
        double ok = minutes.stream().mapToDouble(MinuteSample::generationsOk).sum();
        double failed = minutes.stream().mapToDouble(MinuteSample::generationsFailed).sum();
        // a single failed generation in a quiet window is not an error rate
        return failed < 3 ? 0 : 100 * failed / (ok + failed);
    }
}
