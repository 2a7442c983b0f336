package io.tdev.ops.port;

import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;

import java.time.Instant;
import java.util.List;

/** CloudWatch metrics: one call for a batch of queries (AWS: GetMetricData). */
public interface Metrics {
    /** One series per query, in the order of the queries; a series without data has no points. */
    List<MetricSeries> query(List<MetricQuery> queries, Instant from, Instant to);
}
