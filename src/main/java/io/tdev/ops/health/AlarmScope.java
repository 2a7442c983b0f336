package io.tdev.ops.health;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.TargetGroup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which CloudWatch alarms belong to one environment, so that its health check and its checklist count its own
 * alarms and never another environment's: an alarm belongs when its name starts with the environment's
 * {@code alarmPrefix}, or when its dimensions name the environment's resources: its ECS cluster and service
 * (a ClusterName or ServiceName that is another one's says the alarm is not ours), one of its target groups,
 * or a load balancer in front of them. Names are a convention people break; dimensions are what CloudWatch
 * actually watches. The runbook's wider prefix ({@code t-developer}) remains a config value away.
 * <p>
 * The target groups and load balancers are looked up only when an alarm outside the prefix has such a dimension
 * (a check with no such alarm makes no extra call), and at most once.
 */
public final class AlarmScope {
    private final String prefix;
    private final String cluster;
    private final String service;
    private final Lazy<Set<String>> targetGroups;
    private final Lazy<Set<String>> loadBalancers;

    /**
     * @param targetGroupArns   the environment's target groups (config, else the service's)
     * @param loadBalancerArnsOf the load balancers routing to one target group (ELBv2 DescribeTargetGroups)
     */
    public AlarmScope(EnvironmentConfig config, Supplier<List<String>> targetGroupArns,
                      Function<String, List<String>> loadBalancerArnsOf) {
        this(config.alarmPrefix(), config.ecs().cluster(), config.ecs().service(), targetGroupArns, loadBalancerArnsOf);
    }

    /**
     * The scope of one ECS service (a fleet's member); {@code prefix} null when no name prefix is this service's own
     * (only the environment's service owns {@code alarmPrefix}).
     */
    public AlarmScope(String prefix, String cluster, String service, Supplier<List<String>> targetGroupArns,
                      Function<String, List<String>> loadBalancerArnsOf) {
        this.prefix = prefix;
        this.cluster = cluster;
        this.service = service;
        this.targetGroups = new Lazy<>(() -> dimensions(targetGroupArns.get()));
        this.loadBalancers = new Lazy<>(() -> {
            Set<String> out = new LinkedHashSet<>();
            targetGroupArns.get().forEach(tg -> out.addAll(dimensions(loadBalancerArnsOf.apply(tg))));
            return out;
        });
    }

    /**
     * The scope of {@code ctx}'s environment: its target groups from the config, else {@code serviceTargetGroups}
     * (the service's, from a DescribeServices the caller shares); load balancers through the TargetHealth port.
     */
    public static AlarmScope of(OpsContext ctx, Supplier<List<String>> serviceTargetGroups) {
        List<String> configured = ctx.config().targetGroupArns();
        return new AlarmScope(ctx.config(), configured != null && !configured.isEmpty() ? () -> configured
                : serviceTargetGroups, tg -> ctx.retry().call(() -> ctx.ports().targetHealth().loadBalancerArns(tg)));
    }

    private static Set<String> dimensions(List<String> arns) {
        Set<String> out = new LinkedHashSet<>();
        arns.forEach(arn -> out.add(TargetGroup.dimension(arn)));
        return out;
    }

    /** Why the alarm belongs to this environment ("named t-developer-production*", "ServiceName=..."), or empty. */
    public Optional<String> why(Alarm alarm) {
        if (prefix != null && !prefix.isEmpty() && alarm.name().startsWith(prefix)) {
            return Optional.of("named " + prefix + "*");
        }
        Map<String, String> d = alarm.dimensions();
        String alarmCluster = d.get("ClusterName");
        String alarmService = d.get("ServiceName");
        if (alarmCluster != null || alarmService != null) {
            boolean ours = (alarmCluster == null || alarmCluster.equals(cluster))
                    && (alarmService == null || alarmService.equals(service));
            return ours ? Optional.of(alarmService != null ? "ServiceName=" + alarmService : "ClusterName=" + alarmCluster)
                    : Optional.empty();
        }
        String group = d.get("TargetGroup");
        if (group != null) {
            return targetGroups.get().contains(group) ? Optional.of("TargetGroup=" + group) : Optional.empty();
        }
        String balancer = d.get("LoadBalancer");
        if (balancer != null && loadBalancers.get().contains(balancer)) {
            return Optional.of("LoadBalancer=" + balancer);
        }
        return Optional.empty();
    }

    /**
     * Whether the alarm's dimensions name an ECS cluster or service, a target group or a load balancer: then they,
     * not its name, say whose it is.
     */
    public static boolean namesAResource(Alarm alarm) {
        Map<String, String> d = alarm.dimensions();
        return d.containsKey("ClusterName") || d.containsKey("ServiceName") || d.containsKey("TargetGroup")
                || d.containsKey("LoadBalancer");
    }

    public boolean contains(Alarm alarm) {
        return why(alarm).isPresent();
    }

    /** For thresholds and evidence: "named t-developer-production* or with dimensions naming ...". */
    public String describe() {
        return "named " + prefix + "* or with a dimension naming " + service + " (ServiceName), " + cluster
                + " (ClusterName), or its target groups or load balancer";
    }

    /** Computed once, on first use, by whichever thread asks first. */
    private static final class Lazy<T> {
        private final Supplier<T> compute;
        private T value;

        Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
