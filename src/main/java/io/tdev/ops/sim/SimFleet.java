package io.tdev.ops.sim;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Other services beside the environment's own (a team's fleet, issue 14): each steady on one revision behind its own
 * ALB target group, with CPU/memory metrics, ELB host-count metrics, an ERROR rate in its log group
 * ({@code /ecs/NAME}) and its alarms. Their state does not evolve with the clock (steady), but every read of them is
 * an AWS call like the environment's own: DescribeServices batches, DescribeTargetGroups pages, GetMetricData,
 * DescribeAlarms, Logs Insights and FilterLogEvents.
 * <p>
 * {@link SimBuilder#fleet} makes {@code n} services {@code svc-0001...} round-robin over the clusters, mostly
 * healthy, with a fixed mix of trouble by position: every 25th (from the 4th) runs one task short (DEGRADED), every
 * 40th (from the 12th) logs 30 ERRORs an hour (DEGRADED at the default 10), every 50th (from the 8th) has an alarm in
 * ALARM and an unhealthy target (UNHEALTHY), every 100th (from the 43rd) has no healthy target (UNHEALTHY).
 */
final class SimFleet {
    static final String LOG_GROUP_PREFIX = "/ecs/";

    record Service(String cluster, String name, int desired, int running, String targetGroupArn,
                   String loadBalancerArn, double cpu, double memory, int healthy, int unhealthy, int errorsPerHour,
                   List<String> alarms) {
        String logGroup() {
            return LOG_GROUP_PREFIX + name;
        }
    }

    private final SimWorld world;
    private final Map<String, Service> byKey = new LinkedHashMap<>();
    private final Map<String, Service> byTargetGroup = new HashMap<>();
    private final Map<String, Service> byLogGroup = new HashMap<>();
    private final Set<String> clusters = new TreeSet<>();

    SimFleet(SimWorld world) {
        this.world = world;
    }

    /** {@code count} services round-robin over {@code clusterNames}, named {@code svc-0001} ... */
    void generate(int count, List<String> clusterNames) {
        for (int i = 1; i <= count; i++) {
            String cluster = clusterNames.get((i - 1) % clusterNames.size());
            String name = String.format("svc-%04d", i);
            int desired = 2 + (int) (SimIds.noise(world.seed, "fleet-desired", i) * 3);
            int running = i % 25 == 4 ? desired - 1 : desired;
            boolean alarmed = i % 50 == 8;
            boolean noHealthy = i % 100 == 43;
            int unhealthy = alarmed ? 1 : 0;
            int healthy = noHealthy ? 0 : running - unhealthy;
            int errors = i % 40 == 12 ? 30 : (int) (SimIds.noise(world.seed, "fleet-errors", i) * 4);
            String lb = world.arn("elasticloadbalancing", "loadbalancer/app/" + cluster + "-alb/" + hex("lb-" + cluster, 16));
            String tg = world.arn("elasticloadbalancing", "targetgroup/" + shortName(name) + "/" + hex("tg-" + name, 16));
            add(new Service(cluster, name, desired, running, tg, lb,
                    25 + SimIds.noise(world.seed, "fleet-cpu", i) * 35, 40 + SimIds.noise(world.seed, "fleet-mem", i) * 20,
                    healthy, noHealthy ? running : unhealthy, errors,
                    alarmed ? List.of(name + "-5xx-high") : List.of()));
        }
    }

    /** The same hex digits for the same key in every call (ids of a steady service do not change). */
    private String hex(String key, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(Math.min(15, (int) (SimIds.noise(world.seed, key, i) * 16)), 16));
        }
        return sb.toString();
    }

    /** Target group names are at most 32 characters. */
    private static String shortName(String name) {
        String n = "tg-" + name;
        return n.length() <= 32 ? n : n.substring(0, 32);
    }

    void add(Service s) {
        byKey.put(s.cluster() + "/" + s.name(), s);
        byTargetGroup.put(s.targetGroupArn(), s);
        byTargetGroup.put(TargetGroup.dimension(s.targetGroupArn()), s);
        byLogGroup.put(s.logGroup(), s);
        clusters.add(s.cluster());
    }

    boolean hasCluster(String cluster) {
        return clusters.contains(cluster);
    }

    Optional<Service> find(String cluster, String name) {
        return Optional.ofNullable(byKey.get(cluster + "/" + name));
    }

    /** By target group ARN or its CloudWatch dimension value ({@code targetgroup/NAME/ID}). */
    Optional<Service> byTargetGroup(String arnOrDimension) {
        return Optional.ofNullable(byTargetGroup.get(arnOrDimension));
    }

    java.util.Collection<String> logGroups() {
        return byLogGroup.keySet();
    }

    boolean hasLogGroup(String group) {
        return byLogGroup.containsKey(group);
    }

    List<Service> services() {
        return List.copyOf(byKey.values());
    }

    ServiceState state(Service s) {
        TaskDefinitionRef td = new TaskDefinitionRef(s.name(), 7);
        Instant since = world.epoch.minus(Duration.ofDays(3));
        Deployment primary = new Deployment("ecs-svc/" + hex("dep-" + s.name(), 19), "PRIMARY", td,
                RolloutState.COMPLETED, "ECS deployment completed.", s.desired(), s.running(), 0, 0, since, since);
        return new ServiceState(new ServiceRef(s.cluster(), s.name()), "ACTIVE", s.desired(), s.running(), 0, td,
                List.of(primary), List.of(s.targetGroupArn()), false, List.of());
    }

    List<TargetHealthDescription> targets(Service s) {
        List<TargetHealthDescription> out = new ArrayList<>();
        for (int i = 0; i < s.healthy() + s.unhealthy(); i++) {
            String ip = "10.1." + (Math.abs(s.name().hashCode()) % 250) + "." + (10 + i);
            out.add(i < s.healthy() ? new TargetHealthDescription(ip, SimTargetHealth.PORT, TargetState.HEALTHY, null, null)
                    : new TargetHealthDescription(ip, SimTargetHealth.PORT, TargetState.UNHEALTHY,
                    "Target.ResponseCodeMismatch", "Health checks failed with these codes: [502]"));
        }
        return out;
    }

    List<TargetGroup> targetGroups() {
        return byKey.values().stream().map(s -> new TargetGroup(s.targetGroupArn(), List.of(s.loadBalancerArn()))).toList();
    }

    List<Alarm> alarms() {
        List<Alarm> out = new ArrayList<>();
        for (Service s : byKey.values()) {
            for (String a : s.alarms()) {
                out.add(new Alarm(a, AlarmState.ALARM, "Threshold Crossed: 3 out of the last 3 datapoints were greater"
                        + " than the threshold (5.0).", world.epoch.minus(Duration.ofMinutes(12)), "AWS/ApplicationELB",
                        "HTTPCode_Target_5XX_Count", java.util.Map.of(
                        "TargetGroup", io.tdev.ops.model.TargetGroup.dimension(s.targetGroupArn()),
                        "LoadBalancer", io.tdev.ops.model.TargetGroup.dimension(s.loadBalancerArn()))));
            }
        }
        return out;
    }

    /** ERROR events of a fleet log group in [from, to): {@code errorsPerHour} evenly spread in every hour. */
    List<LogEvent> errorEvents(String group, Instant from, Instant to) {
        Service s = byLogGroup.get(group);
        List<LogEvent> out = new ArrayList<>();
        if (s == null || s.errorsPerHour() == 0) {
            return out;
        }
        long step = 3600 / s.errorsPerHour();
        for (Instant t = from.truncatedTo(ChronoUnit.HOURS); t.isBefore(to); t = t.plusSeconds(step)) {
            if (!t.isBefore(from) && !t.isAfter(world.now())) {
                out.add(new LogEvent(t, "ecs/" + s.name() + "/" + hex("task-" + s.name(), 32),
                        "ERROR request " + t.getEpochSecond() + " failed: upstream timed out after 30000 ms"));
            }
        }
        return out;
    }

    /** One-minute datapoints of a steady fleet metric in [from, to): the value with a little stable noise. */
    List<MetricPoint> points(double value, boolean noisy, Instant from, Instant to, long periodSeconds, String key) {
        List<MetricPoint> out = new ArrayList<>();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), 60) * 60);
        Instant lastData = world.now().truncatedTo(ChronoUnit.MINUTES);
        for (Instant b = start; b.isBefore(to) && b.isBefore(lastData); b = b.plusSeconds(periodSeconds)) {
            double v = noisy ? value + SimIds.noise(world.seed, key, b.getEpochSecond() / 60) * 4 - 2 : value;
            out.add(new MetricPoint(b, v));
        }
        return out;
    }
}
