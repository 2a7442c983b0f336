package io.tdev.ops.model;

import java.time.Duration;
import java.util.Map;

/**
 * One metric to fetch: {@code id} names the series in the answer; {@code statistic} is Average, Maximum,
 * Minimum, Sum, SampleCount or a percentile such as p95.
 */
public record MetricQuery(String id, String namespace, String metricName, Map<String, String> dimensions,
                          String statistic, Duration period) {
    public MetricQuery {
        dimensions = Map.copyOf(dimensions);
    }
}
