package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.port.Metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch metrics. Each simulated minute is summarised from the tasks' state (how many serve, how many
 * crash, the CPU demand spread over them); before the simulation began, a quiet baseline with a daily rhythm
 * and stable noise stands in (with the bad hours of {@link SimWorld.HistoryIncident}s). As in CloudWatch, data
 * 1-minute data is kept 15 days, 5-minute data 63 days and 1-hour data 455
 * days: a query reaches as far back as its period allows. Queries aggregate the minutes per period with the asked
 * statistic. S3 storage metrics are daily, from the bucket's objects.
 */
final class SimMetrics implements Metrics {
    static final Duration BASELINE = Duration.ofDays(15);
    private static final Duration FIVE_MINUTE_RETENTION = Duration.ofDays(63);
    private static final Duration HOUR_RETENTION = Duration.ofDays(455);
    private static final List<String> STATISTICS = List.of("Average", "Sum", "Minimum", "Maximum", "SampleCount", "pNN (e.g. p95)");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d+)?)");

    private final SimWorld world;
    private final TreeMap<Instant, MinuteSample> recorded = new TreeMap<>();
    private final MinuteAccumulator current = new MinuteAccumulator();

    SimMetrics(SimWorld world) {
        this.world = world;
    }

    // ---- recording ------------------------------------------------------------------------------------------

    void accumulate(Instant now, Duration dt) {
        double s = dt.toMillis() / 1000.0;
        List<SimTask> running = world.ecs.tasks().stream().filter(SimTask::running).toList();
        List<SimTask> serving = running.stream().filter(t -> t.behaviour != TaskBehaviour.CRASHING).toList();
        long crashing = running.size() - serving.size();
        long erroring = serving.stream().filter(t -> t.behaviour == TaskBehaviour.ERRORING).count();
        int users = world.load.usersAt(now);
        // CPU demand in task-percent: the steady traffic plus what the load test's virtual users ask for
        double demand = world.cpuLoad + users * LoadProfile.CPU_PER_USER;
        double demandPerTask = demand / Math.max(1, serving.size());
        double perGood = Math.min(97, demandPerTask);
        double cpuSum = 0;
        double cpuMax = 0;
        double memSum = 0;
        double memMax = 0;
        for (SimTask t : running) {
            double wobble = world.random.nextDouble() * 4 - 2;
            double cpu = switch (t.behaviour) {
                case CRASHING -> 86 + wobble;
                case ERRORING -> Math.min(99, perGood + 12 + wobble);
                default -> perGood + wobble;
            };
            double uptime = Math.max(0, Duration.between(t.runningAt, now).getSeconds());
            double mem = switch (t.behaviour) {
                case CRASHING -> Math.min(99, 70 + 25 * uptime / SimTask.CRASH_AFTER.getSeconds());
                case ERRORING -> 64 + wobble;
                default -> 48 + wobble;
            };
            cpuSum += cpu;
            memSum += mem;
            cpuMax = Math.max(cpuMax, cpu);
            memMax = Math.max(memMax, mem);
        }
        int n = running.size();
        double cpuAvg = n == 0 ? 0 : cpuSum / n;
        double failShare = n == 0 ? 1 : Math.min(1, (crashing + 0.4 * erroring) / (double) n + 0.002);
        double pipelineBase = 28 * (1 + Math.max(0, cpuAvg - 60) / 40);
        var targets = world.targetHealth.targets(now);
        long healthy = targets.stream().filter(t -> t.state() == TargetState.HEALTHY).count();
        long unhealthy = targets.stream().filter(t -> t.state() == TargetState.UNHEALTHY).count();
        double gens = world.generationsPerMinute / 60 * s;
        // past saturation requests queue: the response time grows with the demand the tasks cannot serve
        double queueing = demandPerTask > LoadProfile.SATURATION
                ? LoadProfile.QUEUE_SECONDS * (demandPerTask / LoadProfile.SATURATION - 1) : 0;
        double responseTime = 0.9 + 0.3 * Math.pow(cpuAvg / 70, 2) + (crashing > 0 ? 2.5 : 0) + queueing;
        double requests = (world.requestsPerSecond + users * LoadProfile.REQUESTS_PER_USER) * s;
        double overloadFailures = demandPerTask > LoadProfile.SHEDDING
                ? requests * Math.min(0.5, (demandPerTask - LoadProfile.SHEDDING) / 400) : 0;
        double pipeline = (1 - failShare) * pipelineBase + failShare * 61;
        double pipelineP95 = failShare > 0.05 ? 61 + 4 * failShare : pipelineBase * 1.35;
        current.add(s, cpuAvg, cpuMax, n == 0 ? 0 : memSum / n, memMax, n, healthy, unhealthy, requests,
                (0.4 * crashing + 0.3 * erroring) * s + overloadFailures, (0.5 * erroring + 0.002) * s, responseTime,
                gens * (1 - failShare), gens * failShare, pipeline, pipelineP95);
    }

    /** Generations that failed because the task running them died. */
    void generationsLost(int count) {
        current.generationsLost(count);
    }

    void closeMinute(Instant now) {
        if (current.empty()) {
            return;
        }
        MinuteSample m = current.close(now.minusSeconds(60));
        recorded.put(m.minute(), m);
    }

    /** The quiet minutes before the simulation: a daily rhythm around the steady state, with stable noise. */
    MinuteSample baseline(Instant minute) {
        long index = minute.getEpochSecond() / 60;
        double dayPhase = (minute.getEpochSecond() % 86400) / 86400.0;
        double rhythm = 1 + 0.25 * Math.sin(2 * Math.PI * (dayPhase - 0.25));
        double noise = SimIds.noise(world.seed, "cpu", index);
        int tasks = world.ecs.baselineTasks;
        double cpu = Math.min(95, world.cpuLoad / Math.max(1, tasks) * rhythm * 0.9 + noise * 6 - 3);
        // weekends are quieter: fewer generations and requests (1970-01-01, epoch day 0, was a Thursday)
        long weekday = Math.floorMod(Math.floorDiv(minute.getEpochSecond(), 86400) + 3, 7); // 0 = Monday
        double week = weekday >= 5 ? 0.6 : 1.0;
        double gens = world.generationsPerMinute * rhythm * week;
        double okGens = Math.floor(gens + SimIds.noise(world.seed, "gens", index) * 2 - 0.5);
        double failGens = SimIds.noise(world.seed, "fail", index) < 0.004 ? 1 : 0;
        double pipeline = 24 + SimIds.noise(world.seed, "pipeline", index) * 10;
        double requests = Math.round(300 * rhythm * week);
        for (SimWorld.HistoryIncident incident : world.historyIncidents) {
            if (incident.covers(minute)) {
                double share = incident.failShare();
                double all = Math.max(0, okGens) + failGens;
                failGens = Math.round(all * share);
                okGens = all - failGens;
                return new MinuteSample(minute, Math.min(97, cpu + 25), Math.min(99, cpu + 35), 70 + noise * 4,
                        78 + noise * 4, tasks, tasks * (1 - share), Math.ceil(tasks * share), requests,
                        Math.round(requests * share * 0.2), Math.round(requests * share * 0.3), 4 + noise,
                        okGens, failGens, 40 + 20 * share, 61 + 8 * share);
            }
        }
        return new MinuteSample(minute, cpu, cpu + 6 + noise * 4, 47 + noise * 4, 52 + noise * 4, tasks, tasks, 0,
                requests, 0, SimIds.noise(world.seed, "5xx", index) < 0.02 ? 1 : 0,
                0.8 + 0.2 * rhythm + noise * 0.2, Math.max(0, okGens), failGens, pipeline, pipeline * 1.3);
    }

    /** The minute starting at {@code minute}, recorded or baseline; null when there is no data. */
    MinuteSample minute(Instant minute) {
        return minute(minute, 60);
    }

    /** The minute as a query of {@code periodSeconds} sees it: older data is kept only at coarser periods. */
    private MinuteSample minute(Instant minute, long periodSeconds) {
        Duration age = Duration.between(minute, world.now());
        Duration kept = periodSeconds >= 3600 ? HOUR_RETENTION : periodSeconds >= 300 ? FIVE_MINUTE_RETENTION : BASELINE;
        if (age.compareTo(kept) > 0) {
            return null;
        }
        if (minute.isBefore(world.epoch)) {
            return baseline(minute);
        }
        return recorded.get(minute);
    }

    /** The last {@code count} complete minutes before {@code now}, oldest first. */
    List<MinuteSample> lastMinutes(Instant now, int count) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        List<MinuteSample> out = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            MinuteSample m = minute(end.minusSeconds(60L * i));
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    // ---- the port ---------------------------------------------------------------------------------------------

    @Override
    public List<MetricSeries> query(List<MetricQuery> queries, Instant from, Instant to) {
        return world.call(Api.GET_METRIC_DATA, () -> {
            if (!from.isBefore(to)) {
                throw new InvalidInputException("from", "must be before to (" + from + " .. " + to + ")");
            }
            List<MetricSeries> out = new ArrayList<>();
            for (MetricQuery q : queries) {
                out.add(series(q, from, to));
            }
            return out;
        });
    }

    private MetricSeries series(MetricQuery q, Instant from, Instant to) {
        long period = q.period().getSeconds();
        if (period < 60 || period % 60 != 0) {
            throw new InvalidInputException("period", "must be a multiple of 60 seconds, got " + q.period());
        }
        Statistic stat = Statistic.parse(q.statistic());
        if (q.namespace().equals("AWS/S3")) {
            return storageSeries(q, from, to, period);
        }
        if (q.namespace().equals(SimCache.NAMESPACE)) {
            return world.cache.series(q, from, to, period, q.statistic());
        }
        MetricSeries other = fleetSeries(q, from, to, period);
        if (other != null) {
            return other;
        }
        Source source = source(q);
        List<MetricPoint> points = new ArrayList<>();
        if (source == null) {
            return new MetricSeries(q.id(), points);
        }
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), 60) * 60);
        Instant lastData = world.now().truncatedTo(ChronoUnit.MINUTES);
        for (Instant bucket = start; bucket.isBefore(to); bucket = bucket.plusSeconds(period)) {
            List<MinuteSample> minutes = new ArrayList<>();
            for (Instant m = bucket; m.isBefore(bucket.plusSeconds(period)) && m.isBefore(to) && m.isBefore(lastData); m = m.plusSeconds(60)) {
                if (m.isBefore(from)) {
                    continue;
                }
                MinuteSample s = minute(m, period);
                if (s != null) {
                    minutes.add(s);
                }
            }
            if (!minutes.isEmpty()) {
                points.add(new MetricPoint(bucket, stat.apply(source, minutes)));
            }
        }
        return new MetricSeries(q.id(), points);
    }

    /** A fleet service's ECS or ELB metric (steady values), or null when the query is not about one. */
    private MetricSeries fleetSeries(MetricQuery q, Instant from, Instant to, long period) {
        Map<String, String> dims = q.dimensions();
        if (q.namespace().equals("AWS/ECS") && dims.containsKey("ServiceName")) {
            var service = world.fleet.find(dims.get("ClusterName"), dims.get("ServiceName"));
            if (service.isEmpty()) {
                return null;
            }
            return switch (q.metricName()) {
                case "CPUUtilization" -> new MetricSeries(q.id(), world.fleet.points(service.get().cpu(), true, from, to,
                        period, "cpu-" + service.get().name()));
                case "MemoryUtilization" -> new MetricSeries(q.id(), world.fleet.points(service.get().memory(), true, from,
                        to, period, "mem-" + service.get().name()));
                default -> new MetricSeries(q.id(), List.of());
            };
        }
        if (q.namespace().equals("AWS/ApplicationELB") && dims.containsKey("TargetGroup")) {
            var service = world.fleet.byTargetGroup(dims.get("TargetGroup"));
            if (service.isEmpty()) {
                return null;
            }
            return switch (q.metricName()) {
                case "HealthyHostCount" -> new MetricSeries(q.id(), world.fleet.points(service.get().healthy(), false, from,
                        to, period, ""));
                case "UnHealthyHostCount" -> new MetricSeries(q.id(), world.fleet.points(service.get().unhealthy(), false,
                        from, to, period, ""));
                default -> new MetricSeries(q.id(), List.of());
            };
        }
        return null;
    }

    private MetricSeries storageSeries(MetricQuery q, Instant from, Instant to, long period) {
        List<MetricPoint> points = new ArrayList<>();
        String type = q.dimensions().get("StorageType");
        boolean size = q.metricName().equals("BucketSizeBytes") && "StandardStorage".equals(type);
        boolean count = q.metricName().equals("NumberOfObjects") && "AllStorageTypes".equals(type);
        if (!world.config.bucket().equals(q.dimensions().get("BucketName")) || !(size || count)) {
            return new MetricSeries(q.id(), points);
        }
        // S3 publishes these once a day, stamped at midnight UTC.
        for (Instant day = from.truncatedTo(ChronoUnit.DAYS); day.isBefore(to); day = day.plus(Duration.ofDays(1))) {
            if (day.isBefore(from) || day.isAfter(world.now()) || !world.storage.hasMetricsFor(day)) {
                continue;
            }
            var usage = world.storage.usageAt(day);
            points.add(new MetricPoint(day, size ? usage.bytes() : usage.objects()));
        }
        return new MetricSeries(q.id(), points);
    }

    /** How one metric reads a minute: its typical value and its maximum within the minute, and whether it counts. */
    private record Source(ToDoubleFunction<MinuteSample> value, ToDoubleFunction<MinuteSample> peak, boolean counter) {
    }

    private Source source(MetricQuery q) {
        Map<String, String> dims = q.dimensions();
        String ns = q.namespace();
        if (ns.equals("AWS/ECS")) {
            boolean ours = world.config.ecs().cluster().equals(dims.get("ClusterName"))
                    && (!dims.containsKey("ServiceName") || world.config.ecs().service().equals(dims.get("ServiceName")))
                    && dims.keySet().stream().allMatch(k -> k.equals("ClusterName") || k.equals("ServiceName"));
            if (!ours) {
                return null;
            }
            return switch (q.metricName()) {
                case "CPUUtilization" -> new Source(MinuteSample::cpuAvg, MinuteSample::cpuMax, false);
                case "MemoryUtilization" -> new Source(MinuteSample::memAvg, MinuteSample::memMax, false);
                default -> null;
            };
        }
        if (ns.equals("AWS/ApplicationELB")) {
            // Like ECS's: a dimension naming another load balancer or target group has no data.
            String lb = world.loadBalancerArn().substring(world.loadBalancerArn().indexOf("loadbalancer/") + 13);
            String tg = world.targetGroupArn().substring(world.targetGroupArn().lastIndexOf(':') + 1);
            if (dims.containsKey("LoadBalancer") && !lb.equals(dims.get("LoadBalancer"))
                    || dims.containsKey("TargetGroup") && !tg.equals(dims.get("TargetGroup"))) {
                return null;
            }
            return switch (q.metricName()) {
                case "TargetResponseTime" -> new Source(MinuteSample::responseTime, m -> m.responseTime() * 2.2, false);
                case "RequestCount" -> new Source(MinuteSample::requests, MinuteSample::requests, true);
                case "HTTPCode_ELB_5XX_Count" -> new Source(MinuteSample::elb5xx, MinuteSample::elb5xx, true);
                case "HTTPCode_Target_5XX_Count" -> new Source(MinuteSample::target5xx, MinuteSample::target5xx, true);
                case "HealthyHostCount" -> new Source(MinuteSample::healthyHosts, MinuteSample::healthyHosts, false);
                case "UnHealthyHostCount" -> new Source(MinuteSample::unhealthyHosts, MinuteSample::unhealthyHosts, false);
                default -> null;
            };
        }
        if (ns.equals(world.config.metricNamespace())) {
            return switch (q.metricName()) {
                case "PipelineExecutionTime" -> new Source(MinuteSample::pipelineAvg, MinuteSample::pipelineP95, false);
                case "GenerationSuccess" -> new Source(MinuteSample::generationsOk, MinuteSample::generationsOk, true);
                case "GenerationFailure" -> new Source(MinuteSample::generationsFailed, MinuteSample::generationsFailed, true);
                case "ErrorRate" -> new Source(MinuteSample::errorRatePercent, MinuteSample::errorRatePercent, false);
                default -> null;
            };
        }
        return null;
    }

    private record Statistic(String name, double percentile) {
        static Statistic parse(String text) {
            if (text == null) {
                throw InvalidInputException.notAllowed("statistic", null, STATISTICS);
            }
            if (List.of("Average", "Sum", "Minimum", "Maximum", "SampleCount").contains(text)) {
                return new Statistic(text, 0);
            }
            Matcher m = PERCENTILE.matcher(text);
            if (m.matches()) {
                return new Statistic("percentile", Double.parseDouble(m.group(1)));
            }
            throw InvalidInputException.notAllowed("statistic", text, STATISTICS);
        }

        double apply(Source source, List<MinuteSample> minutes) {
            double[] values = minutes.stream().mapToDouble(source.value()).toArray();
            return switch (name) {
                case "Average" -> Arrays.stream(values).average().orElse(0);
                case "Sum" -> Arrays.stream(values).sum();
                case "Minimum" -> Arrays.stream(values).min().orElse(0);
                case "Maximum" -> minutes.stream().mapToDouble(source.peak()).max().orElse(0);
                case "SampleCount" -> source.counter() ? Arrays.stream(values).sum() : values.length;
                default -> percentile(minutes.stream().mapToDouble(percentile >= 90 ? source.peak() : source.value()).toArray(), percentile);
            };
        }

        private static double percentile(double[] values, double p) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
