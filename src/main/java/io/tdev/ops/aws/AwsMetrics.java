package io.tdev.ops.aws;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Metrics;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@link Metrics} port over CloudWatch GetMetricData: up to 500 queries a call (more are chunked), every
 * NextToken page followed, results mapped back to the caller's query ids, points oldest first.
 */
public final class AwsMetrics implements Metrics {
    /** GetMetricData takes at most 500 MetricDataQuery structures a call. */
    static final int MAX_QUERIES_PER_CALL = 500;

    private final CloudWatchClient cloudWatch;

    public AwsMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
    }

    @Override
    public List<MetricSeries> query(List<MetricQuery> queries, Instant from, Instant to) {
        if (queries.isEmpty()) {
            return List.of();
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before 'to' (got from=" + from + ", to=" + to + ")");
        }
        queries.forEach(AwsMetrics::check);
        Map<String, List<MetricPoint>> pointsByWireId = new HashMap<>();
        for (int start = 0; start < queries.size(); start += MAX_QUERIES_PER_CALL) {
            List<MetricDataQuery> chunk = new ArrayList<>();
            for (int i = start; i < Math.min(queries.size(), start + MAX_QUERIES_PER_CALL); i++) {
                chunk.add(toWire(wireId(i), queries.get(i)));
            }
            GetMetricDataRequest request = GetMetricDataRequest.builder()
                    .metricDataQueries(chunk).startTime(from).endTime(to)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
            AwsCall.exec("cloudwatch:GetMetricData", () -> cloudWatch.getMetricDataPaginator(request)
                    .metricDataResults().forEach(r -> collect(r, pointsByWireId, queries)));
        }
        List<MetricSeries> series = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            List<MetricPoint> points = pointsByWireId.getOrDefault(wireId(i), List.of()).stream()
                    .sorted(Comparator.comparing(MetricPoint::at))
                    .toList();
            series.add(new MetricSeries(queries.get(i).id(), points));
        }
        return series;
    }

    /**
     * The caller's ids need not satisfy CloudWatch's id rule (lowercase first letter, [a-zA-Z0-9_]), and may
     * repeat across chunks; the wire uses the query's position instead.
     */
    static String wireId(int index) {
        return "q" + index;
    }

    private static MetricDataQuery toWire(String id, MetricQuery q) {
        return MetricDataQuery.builder()
                .id(id)
                .label(q.id())
                .returnData(true)
                .metricStat(s -> s.stat(q.statistic())
                        .period((int) q.period().toSeconds())
                        .metric(m -> m.namespace(q.namespace()).metricName(q.metricName())
                                .dimensions(q.dimensions().entrySet().stream()
                                        .sorted(Map.Entry.comparingByKey())
                                        .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                                        .toList())))
                .build();
    }

    private static void collect(MetricDataResult r, Map<String, List<MetricPoint>> pointsByWireId, List<MetricQuery> queries) {
        if (r.statusCode() == StatusCode.FORBIDDEN || r.statusCode() == StatusCode.INTERNAL_ERROR) {
            String id = queries.get(Integer.parseInt(r.id().substring(1))).id();
            throw new RemoteFailureException("cloudwatch:GetMetricData", "cloudwatch:GetMetricData could not read metric '"
                    + id + "': " + r.statusCodeAsString() + messages(r.messages()),
                    r.statusCode() == StatusCode.INTERNAL_ERROR);
        }
        List<MetricPoint> points = pointsByWireId.computeIfAbsent(r.id(), k -> new ArrayList<>());
        for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++) {
            points.add(new MetricPoint(r.timestamps().get(i), r.values().get(i)));
        }
    }

    private static String messages(List<MessageData> messages) {
        return messages.isEmpty() ? "" : " (" + messages.stream().map(m -> m.code() + ": " + m.value())
                .collect(Collectors.joining("; ")) + ")";
    }

    private static void check(MetricQuery q) {
        if (q.period() == null || q.period().toSeconds() < 1) {
            throw new InvalidInputException("period", "metric '" + q.id() + "' needs a period of 1 second or more");
        }
        if (q.namespace() == null || q.metricName() == null || q.statistic() == null) {
            throw new InvalidInputException("metric", "metric '" + q.id() + "' needs namespace, metricName and statistic");
        }
    }

}
