package io.tdev.ops.sim;

import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The environment's ElastiCache cluster ({@code t-developer-cache-ENV-001}) as CloudWatch sees it: its
 * {@code CacheHitRate} (percent, one datapoint a minute). Healthy about 90%; a stale, bloated cache (the
 * {@code cache-degraded} scenario) misses most lookups (about 40%); a clear empties it, and it warms back up over
 * about ten minutes. Another cluster, or another metric, has no data, as CloudWatch answers.
 */
final class SimCache {
    static final String NAMESPACE = "AWS/ElastiCache";
    static final String HIT_RATE = "CacheHitRate";

    private final SimWorld world;
    /** When the cache was last cleared, and whether it was stale until then. */
    private Instant clearedAt;
    private boolean staleBeforeClear;

    SimCache(SimWorld world) {
        this.world = world;
    }

    String clusterId() {
        return "t-developer-cache-" + world.config.name() + "-001";
    }

    void cleared(Instant at, boolean wasStale) {
        clearedAt = at;
        staleBeforeClear = wasStale;
    }

    MetricSeries series(MetricQuery q, Instant from, Instant to, long period, String statistic) {
        List<MetricPoint> points = new ArrayList<>();
        if (!q.metricName().equals(HIT_RATE) || !q.dimensions().equals(Map.of("CacheClusterId", clusterId()))) {
            return new MetricSeries(q.id(), points);
        }
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), 60) * 60);
        Instant lastData = world.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (Instant bucket = start; bucket.isBefore(to); bucket = bucket.plusSeconds(period)) {
            List<Double> values = new ArrayList<>();
            for (Instant m = bucket; m.isBefore(bucket.plusSeconds(period)) && m.isBefore(to) && m.isBefore(lastData);
                 m = m.plusSeconds(60)) {
                if (!m.isBefore(from)) {
                    values.add(hitRate(m));
                }
            }
            if (!values.isEmpty()) {
                double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
                points.add(new MetricPoint(bucket, switch (statistic) {
                    case "Minimum" -> Arrays.stream(v).min().orElse(0);
                    case "Maximum" -> Arrays.stream(v).max().orElse(0);
                    case "SampleCount" -> v.length;
                    case "Sum" -> Arrays.stream(v).sum();
                    default -> Arrays.stream(v).average().orElse(0);
                }));
            }
        }
        return new MetricSeries(q.id(), points);
    }

    private double hitRate(Instant minute) {
        double noise = SimIds.noise(world.seed, "cache", minute.getEpochSecond() / 60);
        if (clearedAt != null && !minute.isBefore(clearedAt)) {
            double warm = Duration.between(clearedAt, minute).toMinutes();
            return Math.min(88 + noise * 4, 25 + 7 * warm + noise * 3);
        }
        boolean stale = clearedAt != null ? staleBeforeClear : world.cacheStale;
        return stale ? 36 + noise * 8 : 88 + noise * 4;
    }
}
