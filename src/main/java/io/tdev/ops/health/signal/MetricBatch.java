package io.tdev.ops.health.signal;

import io.tdev.ops.api.OpsContext;

import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric queries of every signal of one check, read in one {@code Metrics.query} call (one GetMetricData, which
 * takes up to 500 queries) when the first signal asks; the others take their series from it.
 */
final class MetricBatch {
    private final SharedRead<Map<String, MetricSeries>> read;

    MetricBatch(List<MetricQuery> queries, Instant from, Instant to, OpsContext ctx, Duration timeout) {
        this.read = new SharedRead<>(() -> {
            Map<String, MetricSeries> byId = new HashMap<>();
            if (!queries.isEmpty()) {
                ctx.retry().call(() -> ctx.ports().metrics().query(queries, from, to)).forEach(s -> byId.put(s.id(), s));
            }
            return byId;
        }, timeout, "cloudwatch:GetMetricData", "the check's metrics");
    }

    /** The series of query {@code id} (no points when it has no data). */
    MetricSeries series(String id) {
        return read.get().getOrDefault(id, new MetricSeries(id, List.of()));
    }
}
