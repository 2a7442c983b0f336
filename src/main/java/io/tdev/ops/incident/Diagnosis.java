package io.tdev.ops.incident;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.incident.Finding;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.ServiceEvent;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.health.HealthSignal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The incident's reads. The health check's own signals first (they read in parallel within its signal timeout), then
 * the level's reads, also in parallel and each within the same timeout: a read that fails or does not answer is an
 * UNKNOWN finding naming why, never a silent OK.
 */
final class Diagnosis {
    /** Logs Insights over the agents' execution_time lines: per agent count, p50, p95, max (seconds). */
    static final String AGENT_TIMES_QUERY = "filter @message like /execution_time=/"
            + " | parse @message \"agent=* execution_time=*s \" as agent, seconds"
            + " | stats count(*) as calls, pct(seconds, 50) as p50, pct(seconds, 95) as p95, max(seconds) as max by agent"
            + " | sort p95 desc";
    /** Failed agent calls per agent. */
    static final String AGENT_FAILURES_QUERY = "filter @message like /agent=[a-z-]+-agent execution failed/"
            + " | parse @message \"agent=* execution failed: *\" as agent, error"
            + " | stats count(*) as failures by agent | sort failures desc";
    private static final Duration TRAFFIC_WINDOW = Duration.ofMinutes(10);

    private final OpsContext context;
    private final EnvironmentConfig config;
    private final Evidence evidence = new Evidence();

    Diagnosis(OpsContext context) {
        this.context = context;
        this.config = context.config();
    }

    Evidence run(IncidentRequest request) throws InterruptedException {
        Instant now = context.clock().instant();
        HealthResult health = new HealthCheck(new OpsContext(config, context.ports(), context.clock(), context.sleeper(),
                context.progress(), context.user())).run(HealthOptions.defaults().withErrorWindow(request.since())
                .withSignals(List.of(HealthCheck.ECS_SERVICE, HealthCheck.ALARMS, HealthCheck.TARGET_HEALTH,
                        HealthCheck.ERROR_LOGS, HealthCheck.CPU, HealthCheck.MEMORY)));
        for (HealthSignal s : health.signals()) {
            evidence.add(new Finding(s.name(), status(s.status().name()), s.value(), s.evidence()));
        }
        List<Read> reads = new ArrayList<>();
        switch (request.level()) {
            case "P0" -> {
                reads.add(new Read("deployments", () -> deployments(now)));
                reads.add(new Read("traffic", () -> traffic(now)));
            }
            case "P1" -> {
                if (!health.topPatterns().isEmpty()) {
                    evidence.add(new Finding("error-patterns", "WARN", health.topPatterns().size() + " patterns",
                            health.topPatterns().stream().map(p -> p.count() + "x " + p.pattern())
                                    .collect(Collectors.joining("; "))));
                }
                reads.add(new Read("usage-max", () -> usageMax(now, request.since())));
                reads.add(new Read("error-rate", () -> errorRate(now, request.since())));
                reads.add(new Read("slow-agents", () -> slowAgents(now, request.since())));
            }
            default -> reads.add(new Read("failing-agent", () -> failingAgent(now, request.since(), request.agent())));
        }
        runInParallel(reads);
        return evidence;
    }

    private record Read(String name, Runnable body) {
    }

    private void runInParallel(List<Read> reads) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(config.health().signalTimeoutSeconds());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(reads.size(), config.health().parallelism())));
        try {
            List<Future<?>> futures = reads.stream().<Future<?>>map(r -> pool.submit(r.body())).toList();
            for (int i = 0; i < reads.size(); i++) {
                try {
                    futures.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    evidence.add(new Finding(reads.get(i).name(), "UNKNOWN", "no answer",
                            "not read within " + timeout.toSeconds() + " s (health.signalTimeoutSeconds)"));
                } catch (ExecutionException e) {
                    evidence.add(new Finding(reads.get(i).name(), "UNKNOWN", "not read", String.valueOf(e.getCause().getMessage())));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String status(String signal) {
        return switch (signal) {
            case "HEALTHY" -> "OK";
            case "DEGRADED" -> "WARN";
            case "UNHEALTHY" -> "BAD";
            default -> "UNKNOWN";
        };
    }

    // ---- P0 ------------------------------------------------------------------------------------------------------

    private void deployments(Instant now) {
        ServiceState s = context.ports().ecs().describeService(config.serviceRef());
        String events = s.events().stream().limit(5).map(ServiceEvent::message).collect(Collectors.joining(" | "));
        evidence.add(new Finding("service-events", s.running() == 0 ? "BAD" : "OK", s.running() + " of " + s.desired()
                + " running, status " + s.status(), events.isEmpty() ? "no events" : events));
        Instant lookback = now.minus(Duration.ofHours(config.incident().deployLookbackHours()));
        List<Deployment> recent = s.deployments().stream().filter(d -> d.createdAt() != null && d.createdAt().isAfter(lookback))
                .toList();
        Deployment primary = s.primaryDeployment().orElse(null);
        Duration suspectWindow = Duration.ofMinutes(config.incident().deploySuspectMinutes());
        if (primary != null && primary.createdAt() != null && primary.createdAt().isAfter(now.minus(suspectWindow))) {
            long minutes = Duration.between(primary.createdAt(), now).toMinutes();
            String revision = primary.taskDefinition().family() + ":" + primary.taskDefinition().revision();
            evidence.suspectDeploy(revision, primary.createdAt());
            evidence.add(new Finding("deploy-before-outage", "BAD", revision + " deployed " + minutes + " min ago",
                    "deployment " + primary.id() + " began " + primary.createdAt() + " (" + primary.rolloutState()
                            + "), within incident.deploySuspectMinutes (" + suspectWindow.toMinutes() + ") before now"));
        } else {
            evidence.add(new Finding("deploy-before-outage", "OK", recent.isEmpty() ? "none" : recent.size() + " deployments",
                    "no deployment began in the last " + suspectWindow.toMinutes() + " min (looked back "
                            + config.incident().deployLookbackHours() + " h: " + recent.size() + ")"));
        }
    }

    private void traffic(Instant now) {
        Map<String, String> dims = loadBalancerDimension();
        MetricQuery q = new MetricQuery("requests", "AWS/ApplicationELB", "RequestCount", dims, "Sum", TRAFFIC_WINDOW);
        double recent = sum(context.ports().metrics().query(List.of(q), now.minus(TRAFFIC_WINDOW), now).get(0));
        int days = config.incident().trafficDays();
        double usual = 0;
        int counted = 0;
        for (int d = 1; d <= days; d++) {
            Instant then = now.minus(Duration.ofDays(d));
            MetricSeries series = context.ports().metrics().query(List.of(q), then.minus(TRAFFIC_WINDOW), then).get(0);
            if (!series.points().isEmpty()) {
                usual += sum(series);
                counted++;
            }
        }
        if (counted == 0 || usual == 0) {
            evidence.add(new Finding("traffic", "UNKNOWN", String.format(Locale.ROOT, "%.0f requests / 10 min", recent),
                    "no RequestCount for the same hour of the previous " + days + " days to compare with"));
            return;
        }
        double ratio = recent / (usual / counted);
        evidence.trafficRatio(ratio);
        boolean spike = ratio >= config.incident().trafficFactor();
        evidence.add(new Finding("traffic", spike ? "BAD" : "OK", String.format(Locale.ROOT, "%.1fx the usual", ratio),
                String.format(Locale.ROOT, "%.0f requests in the last 10 min against %.0f on average at this hour of the"
                        + " previous %d days (traffic spike at %.1fx, incident.trafficFactor)", recent, usual / counted,
                        counted, config.incident().trafficFactor())));
    }

    private Map<String, String> loadBalancerDimension() {
        try {
            List<String> groups = config.targetGroupArns().isEmpty()
                    ? context.ports().ecs().describeService(config.serviceRef()).targetGroupArns() : config.targetGroupArns();
            if (!groups.isEmpty()) {
                List<String> lbs = context.ports().targetHealth().loadBalancerArns(groups.get(0));
                if (!lbs.isEmpty() && lbs.get(0).contains(":loadbalancer/")) {
                    return Map.of("LoadBalancer", TargetGroup.dimension(lbs.get(0)));
                }
            }
        } catch (RuntimeException e) {
            // without the dimension CloudWatch has no series: the finding then says UNKNOWN with why
        }
        return Map.of();
    }

    // ---- P1 ------------------------------------------------------------------------------------------------------

    /** CPU and memory maximum, and the configured cache metric, in one GetMetricData batch. */
    private void usageMax(Instant now, Duration since) {
        Map<String, String> dims = Map.of("ClusterName", config.ecs().cluster(), "ServiceName", config.ecs().service());
        EnvironmentConfig.CacheMetric cache = config.incident().cache();
        List<MetricQuery> queries = new ArrayList<>(List.of(
                new MetricQuery("cpu", "AWS/ECS", "CPUUtilization", dims, "Maximum", since),
                new MetricQuery("memory", "AWS/ECS", "MemoryUtilization", dims, "Maximum", since)));
        if (cache.configured()) {
            queries.add(new MetricQuery("cache", cache.namespace(), cache.metric(), cache.dimensions(), "Average", since));
        }
        List<MetricSeries> series = context.ports().metrics().query(queries, now.minus(since), now);
        usage("cpu-max", series.get(0), config.slo().cpuPercent(), since);
        usage("memory-max", series.get(1), config.slo().memoryPercent(), since);
        if (cache.configured()) {
            cacheHitRate(cache, series.get(2), since);
        } else {
            evidence.add(new Finding("cache-hit-rate", "UNKNOWN", "not configured",
                    "no cache metric configured (incident.cache.namespace is null; e.g. AWS/ElastiCache CacheHitRate)"));
        }
    }

    private void cacheHitRate(EnvironmentConfig.CacheMetric cache, MetricSeries series, Duration since) {
        String metric = cache.namespace() + " " + cache.metric() + " " + cache.dimensions();
        if (series.points().isEmpty()) {
            evidence.add(new Finding("cache-hit-rate", "UNKNOWN", "no data", metric + ": no datapoints in the last "
                    + since.toMinutes() + " min"));
            return;
        }
        double average = series.points().stream().mapToDouble(p -> p.value()).average().orElse(0);
        String value = String.format(Locale.ROOT, "%.0f%%", average);
        boolean low = average < cache.minHitRatePercent();
        if (low) {
            evidence.lowCacheHitRate(value);
        }
        evidence.add(new Finding("cache-hit-rate", low ? "BAD" : "OK", value, String.format(Locale.ROOT,
                "%s average over the last %d min; healthy at %.0f%% or more (incident.cache.minHitRatePercent)", metric,
                since.toMinutes(), cache.minHitRatePercent())));
    }

    private void usage(String name, MetricSeries series, double slo, Duration since) {
        if (series.max().isEmpty()) {
            evidence.add(new Finding(name, "UNKNOWN", "no data", "no datapoints in the last " + since.toMinutes() + " min"));
            return;
        }
        double max = series.max().getAsDouble();
        if (max >= slo) {
            evidence.overSlo();
        }
        evidence.add(new Finding(name, max >= slo ? "BAD" : "OK", String.format(Locale.ROOT, "%.0f%%", max),
                String.format(Locale.ROOT, "maximum over the last %d min; SLO below %.0f%%", since.toMinutes(), slo)));
    }

    private void errorRate(Instant now, Duration since) {
        String ns = config.metricNamespace();
        List<MetricSeries> series = context.ports().metrics().query(List.of(
                new MetricQuery("ok", ns, "GenerationSuccess", Map.of(), "Sum", since),
                new MetricQuery("failed", ns, "GenerationFailure", Map.of(), "Sum", since)), now.minus(since), now);
        double ok = sum(series.get(0));
        double failed = sum(series.get(1));
        if (ok + failed == 0) {
            evidence.add(new Finding("error-rate", "UNKNOWN", "no generations", "no GenerationSuccess/Failure in the window"));
            return;
        }
        double rate = 100 * failed / (ok + failed);
        boolean high = rate > config.slo().highErrorRatePercent();
        if (high) {
            evidence.overSlo();
        }
        evidence.add(new Finding("error-rate", high ? "BAD" : rate > config.slo().errorRatePercent() ? "WARN" : "OK",
                String.format(Locale.ROOT, "%.1f%%", rate), String.format(Locale.ROOT,
                        "%.0f failed of %.0f generations; the runbook's high-error-rate playbook above %.0f%%, SLO %.0f%%",
                        failed, ok + failed, config.slo().highErrorRatePercent(), config.slo().errorRatePercent())));
    }

    private void slowAgents(Instant now, Duration since) {
        List<Map<String, String>> rows = context.ports().logs().insights(List.of(config.logGroup()), AGENT_TIMES_QUERY,
                now.minus(since), now);
        double slo = config.slo().agentSeconds();
        List<String> slow = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String agent = row.getOrDefault("agent", "").replaceAll("-agent$", "");
            double p95 = number(row.get("p95"));
            if (p95 > slo) {
                slow.add(agent);
                evidence.slowAgent(agent);
                evidence.add(new Finding("slow-agent:" + agent, "BAD", String.format(Locale.ROOT, "p95 %.1f s", p95),
                        String.format(Locale.ROOT, "%s calls, p50 %s s, p95 %s s, max %s s (SLO %.0f s per agent)",
                                row.get("calls"), row.get("p50"), row.get("p95"), row.get("max"), slo)));
            }
        }
        if (slow.isEmpty()) {
            evidence.add(new Finding("slow-agents", rows.isEmpty() ? "UNKNOWN" : "OK", "none over " + (int) slo + " s",
                    rows.isEmpty() ? "no execution_time events in the window" : rows.size() + " agents' execution_time p95 within the SLO"));
        }
    }

    // ---- P2 ------------------------------------------------------------------------------------------------------

    private void failingAgent(Instant now, Duration since, String suspected) {
        List<Map<String, String>> rows = context.ports().logs().insights(List.of(config.logGroup()), AGENT_FAILURES_QUERY,
                now.minus(since), now);
        double total = rows.stream().mapToDouble(r -> number(r.get("failures"))).sum();
        Map<String, String> top = rows.stream().filter(r -> suspected == null
                        || r.getOrDefault("agent", "").equals(suspected + "-agent")).findFirst().orElse(null);
        if (top == null) {
            evidence.add(new Finding("failing-agent", suspected == null ? "OK" : "WARN", suspected == null ? "none" : suspected
                    + ": no failures", "no failed agent calls in the last " + since.toMinutes() + " min"
                    + (rows.isEmpty() ? "" : "; failures of others: " + rows)));
            return;
        }
        String agent = top.get("agent").replaceAll("-agent$", "");
        evidence.failingAgent(agent);
        List<Map<String, String>> first = context.ports().logs().insights(List.of(config.logGroup()),
                "filter @message like /agent=" + agent + "-agent execution failed/ | fields @timestamp | sort @timestamp asc | limit 1",
                now.minus(since), now);
        String since0 = first.isEmpty() ? "?" : first.get(0).get("@timestamp");
        double failures = number(top.get("failures"));
        evidence.add(new Finding("failing-agent", "BAD", agent, String.format(Locale.ROOT,
                "%.0f failed calls (timeouts, resets) since %s UTC: %.0f%% of all failed agent calls in the last %d min",
                failures, since0, 100 * failures / total, since.toMinutes())));
    }

    private static double sum(MetricSeries s) {
        return s.points().stream().mapToDouble(p -> p.value()).sum();
    }

    private static double number(String text) {
        try {
            return text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
