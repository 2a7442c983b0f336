package io.tdev.ops.fleet;

import io.tdev.ops.api.fleet.ServiceHealth;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TargetGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fleet run learned about one service, folded in as each answer arrives (only the few facts the verdict
 * needs are kept), and the verdict from them. Thread-safe: answers come from several calls at once.
 */
final class ServiceFacts {
    private final FleetMember member;
    private final List<String> unhealthy = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final List<String> degraded = new ArrayList<>();
    private boolean ecsRead;
    private List<String> targetGroupArns = List.of();
    private final List<String> missingLoadBalancer = new ArrayList<>();
    private final List<double[]> hostCounts = new ArrayList<>();

    ServiceFacts(FleetMember member) {
        this.member = member;
    }

    FleetMember member() {
        return member;
    }

    synchronized void ecs(ServiceState s) {
        ecsRead = true;
        targetGroupArns = s.targetGroupArns();
        String counts = "running " + s.running() + "/" + s.desired();
        boolean failed = s.deployments().stream().anyMatch(d -> d.rolloutState() == RolloutState.FAILED);
        if (!"ACTIVE".equals(s.status())) {
            unhealthy.add("ecs: service status " + s.status());
        } else if (failed) {
            unhealthy.add("ecs: deployment FAILED (" + s.deployments().stream()
                    .filter(d -> d.rolloutState() == RolloutState.FAILED).map(Deployment::taskDefinition)
                    .map(String::valueOf).findFirst().orElse("") + "), " + counts);
        } else if (s.desired() == 0 || s.running() == 0) {
            unhealthy.add("ecs: " + counts);
        } else if (s.running() < s.desired()) {
            degraded.add("ecs: " + counts);
        } else if (s.deploymentInProgress()) {
            degraded.add("ecs: a deployment is rolling out, " + counts);
        }
    }

    /** After its DescribeServices batch: a service ECS did not return is MISSING (ECS reports it as a failure). */
    synchronized void ecsMissingUnlessRead() {
        if (!ecsRead) {
            unhealthy.add("ecs: service not found in cluster " + member.cluster() + " (MISSING)");
        }
    }

    synchronized void ecsUnread(String why) {
        unknown.add("ecs: could not read: " + why);
    }

    synchronized List<String> targetGroupArns() {
        return targetGroupArns;
    }

    synchronized void alarms(List<String> inAlarm) {
        if (!inAlarm.isEmpty()) {
            unhealthy.add("alarms: " + inAlarm.size() + " in ALARM (" + String.join(", ", inAlarm) + ")");
        }
    }

    synchronized void alarmsUnread(String why) {
        unknown.add("alarms: could not read: " + why);
    }

    synchronized void targetsUnread(String why) {
        unknown.add("target-health: could not read the target groups: " + why);
    }

    synchronized void errors(long count, Duration window) {
        String what = "error-logs: " + count + " ERROR events in " + window.toMinutes() + " min in " + member.logGroup();
        if (count >= member.errorEventsUnhealthy()) {
            unhealthy.add(what + " (UNHEALTHY at " + member.errorEventsUnhealthy() + ")");
        } else if (count >= member.errorEventsDegraded()) {
            degraded.add(what + " (DEGRADED at " + member.errorEventsDegraded() + ")");
        }
    }

    synchronized void errorsUnread(String why) {
        unknown.add("error-logs: could not read " + member.logGroup() + ": " + why);
    }

    synchronized void metricsUnread(String why) {
        unknown.add("metrics: could not read: " + why);
    }

    /**
     * Adds this service's metric queries (CPU, memory, and per target group HealthyHostCount/UnHealthyHostCount) with
     * ids from {@code index}; returns the next free index.
     */
    synchronized int addQueries(int index, List<MetricQuery> queries, Map<String, FleetHealth.MetricTarget> targets,
                                Map<String, String> loadBalancerOf) {
        if (!ecsRead) {
            return index; // missing or unread: nothing to measure
        }
        Map<String, String> ecsDims = Map.of("ClusterName", member.cluster(), "ServiceName", member.service());
        index = add(index, queries, targets, new MetricQuery("", "AWS/ECS", "CPUUtilization", ecsDims, "Average",
                Duration.ofMinutes(1)), s -> utilisation("cpu", s, member.cpuPercent()));
        index = add(index, queries, targets, new MetricQuery("", "AWS/ECS", "MemoryUtilization", ecsDims, "Average",
                Duration.ofMinutes(1)), s -> utilisation("memory", s, member.memoryPercent()));
        for (String tg : targetGroupArns) {
            String lb = loadBalancerOf.get(tg);
            if (lb == null) {
                missingLoadBalancer.add(TargetGroup.dimension(tg));
                continue;
            }
            Map<String, String> dims = Map.of("TargetGroup", TargetGroup.dimension(tg), "LoadBalancer", TargetGroup.dimension(lb));
            double[] counts = {Double.NaN, Double.NaN};
            hostCounts.add(counts);
            index = add(index, queries, targets, new MetricQuery("", "AWS/ApplicationELB", "HealthyHostCount", dims,
                    "Minimum", Duration.ofMinutes(1)), s -> latest(s, counts, 0));
            index = add(index, queries, targets, new MetricQuery("", "AWS/ApplicationELB", "UnHealthyHostCount", dims,
                    "Maximum", Duration.ofMinutes(1)), s -> latest(s, counts, 1));
        }
        return index;
    }

    private int add(int index, List<MetricQuery> queries, Map<String, FleetHealth.MetricTarget> targets, MetricQuery q,
                    java.util.function.Consumer<MetricSeries> sink) {
        String id = "m" + index;
        queries.add(new MetricQuery(id, q.namespace(), q.metricName(), q.dimensions(), q.statistic(), q.period()));
        targets.put(id, new FleetHealth.MetricTarget(this, sink));
        return index + 1;
    }

    private synchronized void latest(MetricSeries s, double[] counts, int slot) {
        counts[slot] = s.latest().orElse(Double.NaN);
    }

    private synchronized void utilisation(String name, MetricSeries s, double threshold) {
        if (s.points().isEmpty()) {
            unknown.add(name + ": no datapoints in the last " + FleetHealth.UTILISATION_WINDOW.toMinutes() + " min");
            return;
        }
        double avg = s.points().stream().mapToDouble(MetricPoint::value).average().orElse(0);
        if (avg >= threshold) {
            degraded.add(String.format(Locale.ROOT, "%s: %.1f%% average over %d min (threshold %.1f%%)", name, avg,
                    FleetHealth.UTILISATION_WINDOW.toMinutes(), threshold));
        }
    }

    /** The service's row: reasons worst first. */
    synchronized ServiceHealth verdict() {
        List<String> targetUnhealthy = new ArrayList<>();
        List<String> targetDegraded = new ArrayList<>();
        List<String> targetUnknown = new ArrayList<>();
        missingLoadBalancer.forEach(tg -> targetUnknown.add("target-health: " + tg
                + " is not among the account's target groups (or has no load balancer)"));
        for (double[] c : hostCounts) {
            if (Double.isNaN(c[0])) {
                targetUnknown.add("target-health: no HealthyHostCount datapoints in the last "
                        + FleetHealth.UTILISATION_WINDOW.toMinutes() + " min");
            } else if (c[0] == 0) {
                targetUnhealthy.add("target-health: 0 healthy targets" + unhealthyHosts(c));
            } else if (!Double.isNaN(c[1]) && c[1] > 0) {
                targetDegraded.add("target-health: " + (long) c[0] + " healthy" + unhealthyHosts(c));
            }
        }
        List<String> reasons = inSignalOrder(unhealthy);
        reasons.addAll(targetUnhealthy);
        reasons.addAll(inSignalOrder(unknown));
        reasons.addAll(targetUnknown);
        reasons.addAll(inSignalOrder(degraded));
        reasons.addAll(targetDegraded);
        String status = !unhealthy.isEmpty() || !targetUnhealthy.isEmpty() ? FleetVerdict.UNHEALTHY
                : !unknown.isEmpty() || !targetUnknown.isEmpty() ? FleetVerdict.UNKNOWN
                : !degraded.isEmpty() || !targetDegraded.isEmpty() ? FleetVerdict.DEGRADED : FleetVerdict.HEALTHY;
        return new ServiceHealth(member.service(), member.cluster(), status, reasons);
    }

    /** The signals in the order a row names them, whatever order their answers arrived in (they come in parallel). */
    private static final List<String> SIGNAL_ORDER = List.of("ecs", "alarms", "error-logs", "cpu", "memory");

    private static List<String> inSignalOrder(List<String> reasons) {
        List<String> sorted = new ArrayList<>(reasons);
        sorted.sort(java.util.Comparator.comparingInt(r -> {
            int i = SIGNAL_ORDER.indexOf(r.substring(0, Math.max(0, r.indexOf(':'))));
            return i < 0 ? SIGNAL_ORDER.size() : i;
        }));
        return sorted;
    }

    private static String unhealthyHosts(double[] c) {
        return Double.isNaN(c[1]) ? "" : ", " + (long) c[1] + " unhealthy";
    }
}
