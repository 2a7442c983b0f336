package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulated world: every service's state, one lock, one virtual clock. Every port call enters through
 * {@link #call}, which applies fault injection first (outside the lock, so a hanging call blocks only its own
 * caller) and then runs under the lock. Time moves only in {@link #advance}, in 5-second steps aligned to the
 * clock, so the same calls give the same world.
 */
final class SimWorld {
    static final String ACCOUNT = "123456789012";
    static final String DEFAULT_REGION = "ap-northeast-2";
    static final Duration STEP = Duration.ofSeconds(5);

    final EnvironmentConfig config;
    final String region;
    final VirtualClock clock;
    final Faults faults;
    final SimIds ids;
    final long seed;
    /** Drives the world's own evolution (start-up times, log lines); used only under the lock, in steps. */
    final Random random;
    /** When the simulation began: metrics before this are the quiet baseline, after it they are recorded. */
    final Instant epoch;
    final Set<String> badImages = new HashSet<>();
    final Set<String> faultyImages = new HashSet<>();
    /** Total CPU demand in task-percent: 165 = three tasks at 55 %. Spread over the running good tasks. */
    double cpuLoad = 165;
    /** Generation jobs per minute the service receives. */
    double generationsPerMinute = 3;
    /** ALB requests per second (the quiet baseline: 5). A traffic spike raises it with the CPU demand. */
    double requestsPerSecond = 5;
    /** A stale, bloated cache: every agent runs this many times slower until the cache is cleared. */
    boolean cacheStale;
    double cacheSlowdown = 1;
    /** The cache cluster's CloudWatch metrics (its hit rate follows cacheStale and the clears). */
    final SimCache cache = new SimCache(this);
    /** The agents' own ECS services (incident.restartAgent.via ecs-tasks). */
    final SimAgentServices agentServices = new SimAgentServices(this);
    /** Agents whose calls fail (timeouts) from the given instant until they are restarted through the admin endpoint. */
    final java.util.Map<String, Instant> failingAgents = new java.util.LinkedHashMap<>();
    /** Bad hours in the quiet history before the epoch (a week that missed its SLOs). */
    final java.util.List<HistoryIncident> historyIncidents = new java.util.ArrayList<>();

    /** From {@code start} for {@code length}, this share of generations failed, with 5xx, slow pipelines and hot CPU. */
    record HistoryIncident(Instant start, Duration length, double failShare) {
        boolean covers(Instant minute) {
            return !minute.isBefore(start) && minute.isBefore(start.plus(length));
        }
    }
    /** A load test's virtual users over time (none unless a scenario or test starts one). */
    final LoadProfile load = new LoadProfile();

    SimEcs ecs;
    SimAutoScaling autoScaling;
    SimAlarms alarms;
    SimMetrics metrics;
    SimLogs logs;
    SimTargetHealth targetHealth;
    SimStorage storage;
    SimTables tables;
    SimNotifier notifier;
    SimImageScans imageScans;
    SimSecrets secrets;
    SimDns dns;
    SimDatabases databases;
    SimAdmin admin;
    SimWebhooks webhooks;
    SimSecurityGroups securityGroups;
    /** Other services beside the environment's own; empty unless a builder asked for a fleet. */
    SimFleet fleet = new SimFleet(this);

    SimWorld(EnvironmentConfig config, Instant start, long seed) {
        this.config = config;
        this.region = config.region() == null || config.region().isBlank() ? DEFAULT_REGION : config.region();
        this.clock = new VirtualClock(start);
        this.faults = new Faults(clock);
        this.ids = new SimIds(seed);
        this.seed = seed;
        this.random = new Random(seed);
        this.epoch = start;
    }

    /** A port call: counted, subject to injected faults, then run under the world's lock. */
    <T> T call(String api, Supplier<T> body) {
        faults.enter(api);
        synchronized (this) {
            return body.get();
        }
    }

    void exec(String api, Runnable body) {
        call(api, () -> {
            body.run();
            return null;
        });
    }

    /** A look at the world for tests and the demo: not counted, never faulted. */
    synchronized <T> T inspect(Supplier<T> body) {
        return body.get();
    }

    Instant now() {
        return clock.instant();
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new InvalidInputException("duration", "must not be negative, got " + duration);
        }
        Instant target = clock.instant().plus(duration);
        while (clock.instant().isBefore(target)) {
            Instant now = clock.instant();
            long stepSeconds = STEP.getSeconds();
            Instant nextGrid = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), stepSeconds) + 1) * stepSeconds);
            Instant next = nextGrid.isBefore(target) ? nextGrid : target;
            clock.set(next);
            step(next, Duration.between(now, next));
        }
    }

    private void step(Instant now, Duration dt) {
        ecs.step(now);
        agentServices.step(now);
        logs.emit(now, dt);
        metrics.accumulate(now, dt);
        if (now.getEpochSecond() % 60 == 0 && now.getNano() == 0) {
            metrics.closeMinute(now);
            alarms.evaluate(now);
            autoScaling.evaluate(now);
        }
    }

    TaskBehaviour behaviourOf(String image) {
        String tag = tagOf(image).toLowerCase(Locale.ROOT);
        if (badImages.contains(image) || tag.contains("bad")) {
            return TaskBehaviour.CRASHING;
        }
        if (faultyImages.contains(image) || tag.contains("faulty")) {
            return TaskBehaviour.ERRORING;
        }
        return TaskBehaviour.GOOD;
    }

    static String tagOf(String image) {
        int at = image.lastIndexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int colon = image.lastIndexOf(':');
        int slash = image.lastIndexOf('/');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    String imageUri(String tag) {
        return ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + config.repository() + ":" + tag;
    }

    String family() {
        return "t-developer-backend-" + config.name();
    }

    String taskDefinitionArn(TaskDefinitionRef ref) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + ref.family() + ":" + ref.revision();
    }

    /**
     * How this environment's alarms are named: {@code t-developer-production-...}, whether the config's alarmPrefix
     * is the environment's own ({@code t-developer-production}) or the runbook's wider {@code t-developer}.
     */
    static String alarmBase(EnvironmentConfig config) {
        String prefix = config.alarmPrefix();
        return prefix.endsWith("-" + config.name()) ? prefix : prefix + "-" + config.name();
    }

    /** false: the service has no load balancer, so ECS lists no target group for it (SimBuilder.noLoadBalancer). */
    boolean loadBalanced = true;

    String targetGroupArn() {
        if (config.targetGroupArns() != null && !config.targetGroupArns().isEmpty()) {
            return config.targetGroupArns().get(0);
        }
        return "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":targetgroup/t-developer-tg-"
                + config.name() + "/4f1b2c3d5e6a7b8c";
    }

    /** The ALB in front of the target group. */
    String loadBalancerArn() {
        return "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":loadbalancer/" + loadBalancerDimension(config);
    }

    /** The ALB's CloudWatch dimension value (LoadBalancer): what follows "loadbalancer/" in its ARN. */
    static String loadBalancerDimension(EnvironmentConfig config) {
        return "app/t-developer-alb-" + config.name() + "/50dc6c495c0c9188";
    }

    String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
    }
}
