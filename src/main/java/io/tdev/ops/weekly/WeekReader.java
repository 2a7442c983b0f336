package io.tdev.ops.weekly;

import io.tdev.ops.api.weekly.WeeklyReportResult.Availability;
import io.tdev.ops.api.weekly.WeeklyReportResult.AvailabilityDay;
import io.tdev.ops.api.weekly.WeeklyReportResult.GenerationDay;
import io.tdev.ops.api.weekly.WeeklyReportResult.Generations;
import io.tdev.ops.api.weekly.WeeklyReportResult.Pipeline;
import io.tdev.ops.api.weekly.WeeklyReportResult.PipelineDay;
import io.tdev.ops.api.weekly.WeeklyReportResult.Resources;
import io.tdev.ops.api.weekly.WeeklyReportResult.Week;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one week's numbers: one GetMetricData call for every metric (daily points from the zone's midnight, and
 * one week-long point for the week's average and p95), and two DynamoDB reads for users and projects. Days are
 * 86,400 s buckets from the first local midnight: in a zone with daylight saving, the week of the switch has its
 * later days shifted by an hour, which is what CloudWatch's fixed periods give.
 */
final class WeekReader {
    static final String AVAILABILITY_FROM_REQUESTS = "ALB requests and 5xx (RequestCount, HTTPCode_ELB_5XX_Count,"
            + " HTTPCode_Target_5XX_Count)";
    static final String AVAILABILITY_FROM_TARGET_HEALTH = "target health (HealthyHostCount, UnHealthyHostCount):"
            + " the ALB counted no requests";
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);

    private final EnvironmentConfig config;
    private final OpsPorts ports;
    private final Retry retry;
    private final ZoneId zone;
    private final LoadBalancerDimensions alb;

    WeekReader(EnvironmentConfig config, OpsPorts ports, Retry retry, ZoneId zone, LoadBalancerDimensions alb) {
        this.config = config;
        this.ports = ports;
        this.retry = retry;
        this.zone = zone;
        this.alb = alb;
    }

    Week read(LocalDate from) {
        LocalDate to = from.plusDays(6);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = start.plus(WEEK);
        List<MetricQuery> queries = queries();
        List<MetricSeries> answer = retry.call(() -> ports.metrics().query(queries, start, end));
        Map<String, MetricSeries> byId = new HashMap<>();
        answer.forEach(s -> byId.put(s.id(), s));
        Series s = new Series(byId, start, from);

        Pipeline pipeline = new Pipeline(s.week("pipelineAvgWeek"), s.week("pipelineP95Week"),
                days(from).stream().map(d -> new PipelineDay(d, s.day("pipelineAvg", d), s.day("pipelineP95", d))).toList());
        Generations generations = generations(s, from);
        Availability availability = availability(s, from);
        Resources resources = new Resources(s.week("cpuAvgWeek"), s.week("cpuMaxWeek"), s.week("memAvgWeek"),
                s.week("memMaxWeek"));
        EnvironmentConfig.TableNames table = config.table();
        Long users = retry.call(() -> ports.tables().countDistinct(table.name(), table.userIdAttribute(),
                table.createdAtAttribute(), start, end));
        Long projects = retry.call(() -> ports.tables().countBetween(table.name(), table.createdAtAttribute(), start,
                end, Optional.ofNullable(table.createdAtIndex())));
        return new Week(from, to, pipeline, generations, availability, resources, users, projects);
    }

    private List<MetricQuery> queries() {
        String ns = config.metricNamespace();
        EnvironmentConfig.WeeklyReportSettings names = config.schedule().weekly();
        Map<String, String> service = Map.of("ClusterName", config.ecs().cluster(), "ServiceName", config.ecs().service());
        List<MetricQuery> q = new ArrayList<>();
        q.add(new MetricQuery("pipelineAvg", ns, names.pipelineTimeMetric(), Map.of(), "Average", DAY));
        q.add(new MetricQuery("pipelineP95", ns, names.pipelineTimeMetric(), Map.of(), "p95", DAY));
        q.add(new MetricQuery("pipelineAvgWeek", ns, names.pipelineTimeMetric(), Map.of(), "Average", WEEK));
        q.add(new MetricQuery("pipelineP95Week", ns, names.pipelineTimeMetric(), Map.of(), "p95", WEEK));
        q.add(new MetricQuery("success", ns, names.successMetric(), Map.of(), "Sum", DAY));
        q.add(new MetricQuery("failure", ns, names.failureMetric(), Map.of(), "Sum", DAY));
        q.add(new MetricQuery("cpuAvgWeek", "AWS/ECS", "CPUUtilization", service, "Average", WEEK));
        q.add(new MetricQuery("cpuMaxWeek", "AWS/ECS", "CPUUtilization", service, "Maximum", WEEK));
        q.add(new MetricQuery("memAvgWeek", "AWS/ECS", "MemoryUtilization", service, "Average", WEEK));
        q.add(new MetricQuery("memMaxWeek", "AWS/ECS", "MemoryUtilization", service, "Maximum", WEEK));
        if (alb.present()) {
            String elb = "AWS/ApplicationELB";
            q.add(new MetricQuery("requests", elb, "RequestCount", alb.ofLoadBalancer(), "Sum", DAY));
            q.add(new MetricQuery("elb5xx", elb, "HTTPCode_ELB_5XX_Count", alb.ofLoadBalancer(), "Sum", DAY));
            q.add(new MetricQuery("target5xx", elb, "HTTPCode_Target_5XX_Count", alb.ofLoadBalancer(), "Sum", DAY));
            q.add(new MetricQuery("healthy", elb, "HealthyHostCount", alb.ofTargetGroup(), "Average", DAY));
            q.add(new MetricQuery("unhealthy", elb, "UnHealthyHostCount", alb.ofTargetGroup(), "Average", DAY));
        }
        return q;
    }

    private static Generations generations(Series s, LocalDate from) {
        List<GenerationDay> daily = days(from).stream()
                .map(d -> new GenerationDay(d, whole(s.day("success", d)), whole(s.day("failure", d)))).toList();
        Long ok = s.sum("success");
        Long failed = s.sum("failure");
        Double rate = ok == null || failed == null || ok + failed == 0 ? null
                : Numbers.round(100.0 * failed / (ok + failed), 3);
        return new Generations(ok, failed, rate, daily);
    }

    private Availability availability(Series s, LocalDate from) {
        if (!alb.present()) {
            return new Availability(null, "none: " + alb.problem(), days(from).stream()
                    .map(d -> new AvailabilityDay(d, null)).toList());
        }
        Long requests = s.sum("requests");
        if (requests != null && requests > 0) {
            long errors = orZero(s.sum("elb5xx")) + orZero(s.sum("target5xx"));
            List<AvailabilityDay> daily = days(from).stream().map(d -> {
                Double dayRequests = s.day("requests", d);
                if (dayRequests == null || dayRequests == 0) {
                    return new AvailabilityDay(d, null);
                }
                double dayErrors = orZero(s.day("elb5xx", d)) + orZero(s.day("target5xx", d));
                return new AvailabilityDay(d, Numbers.round(100 * (1 - dayErrors / dayRequests), 3));
            }).toList();
            return new Availability(Numbers.round(100 * (1 - errors / (double) requests), 3),
                    AVAILABILITY_FROM_REQUESTS, daily);
        }
        List<AvailabilityDay> daily = days(from).stream()
                .map(d -> new AvailabilityDay(d, healthShare(s.day("healthy", d), s.day("unhealthy", d)))).toList();
        List<Double> known = daily.stream().map(AvailabilityDay::percent).filter(p -> p != null).toList();
        Double week = known.isEmpty() ? null
                : Numbers.round(known.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 3);
        return new Availability(week, week == null ? "none: neither requests nor target health were recorded"
                : AVAILABILITY_FROM_TARGET_HEALTH, daily);
    }

    private static Double healthShare(Double healthy, Double unhealthy) {
        if (healthy == null) {
            return null;
        }
        double all = healthy + orZero(unhealthy);
        return all == 0 ? 0.0 : Numbers.round(100 * healthy / all, 3);
    }

    private static List<LocalDate> days(LocalDate from) {
        return java.util.stream.IntStream.range(0, 7).mapToObj(from::plusDays).toList();
    }

    private static Long whole(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static double orZero(Number value) {
        return value == null ? 0 : value.doubleValue();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** The answer's series by id, with a point's day from its offset to the week's first midnight. */
    private record Series(Map<String, MetricSeries> byId, Instant start, LocalDate from) {
        Double day(String id, LocalDate date) {
            MetricSeries series = byId.get(id);
            if (series == null) {
                return null;
            }
            for (MetricPoint p : series.points()) {
                long index = Duration.between(start, p.at()).toDays();
                if (from.plusDays(index).equals(date)) {
                    return Numbers.round(p.value(), 3);
                }
            }
            return null;
        }

        Double week(String id) {
            MetricSeries series = byId.get(id);
            return series == null || series.points().isEmpty() ? null : Numbers.round(series.points().get(0).value(), 3);
        }

        Long sum(String id) {
            MetricSeries series = byId.get(id);
            return series == null || series.points().isEmpty() ? null
                    : Math.round(series.points().stream().mapToDouble(MetricPoint::value).sum());
        }
    }
}
