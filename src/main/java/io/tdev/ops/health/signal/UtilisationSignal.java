package io.tdev.ops.health.signal;

import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.support.Durations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ECS CPU or memory utilisation: the average of the last {@link #WINDOW} of one-minute averages at or above the SLO
 * is DEGRADED; no datapoints is UNKNOWN. Its series comes from the check's one GetMetricData.
 */
public final class UtilisationSignal extends ScopedSignal {
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    /** Utilisation is judged on the average of this window of one-minute averages. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    private final String metric;
    private final double thresholdPercent;

    private UtilisationSignal(CheckScope scope, String name, String metric, double thresholdPercent) {
        super(name, scope, false);
        this.metric = metric;
        this.thresholdPercent = thresholdPercent;
    }

    public static UtilisationSignal cpu(CheckScope scope) {
        return new UtilisationSignal(scope, CPU, "CPUUtilization", scope.config.slo().cpuPercent());
    }

    public static UtilisationSignal memory(CheckScope scope) {
        return new UtilisationSignal(scope, MEMORY, "MemoryUtilization", scope.config.slo().memoryPercent());
    }

    static List<UtilisationSignal> all(CheckScope scope) {
        return List.of(cpu(scope), memory(scope));
    }

    /** This signal's query in the check's GetMetricData. */
    MetricQuery query() {
        return new MetricQuery(name(), "AWS/ECS", metric,
                Map.of("ClusterName", scope.ref.cluster(), "ServiceName", scope.ref.service()), "Average",
                Duration.ofMinutes(1));
    }

    @Override
    public HealthSignal read() {
        // the batch may span days (for the storage metrics): judge the utilisation window's minutes only
        Instant windowStart = scope.now.minus(WINDOW);
        List<MetricPoint> points = scope.metrics.series(name()).points().stream()
                .filter(p -> !p.at().isBefore(windowStart)).toList();
        if (points.isEmpty()) {
            return new HealthSignal(name(), SignalStatus.UNKNOWN, "no data", "< " + percent(thresholdPercent),
                    "AWS/ECS " + metric + " has no datapoints in the last " + Durations.format(WINDOW), false);
        }
        MetricSeries s = new MetricSeries(name(), points);
        double avg = s.average().orElse(0);
        String value = percent(avg) + " average over " + Durations.format(WINDOW);
        String evidence = "AWS/ECS " + metric + " (1-minute averages): latest " + percent(s.latest().orElse(0))
                + ", max " + percent(s.max().orElse(0)) + ", " + s.points().size() + " datapoints";
        return new HealthSignal(name(), avg >= thresholdPercent ? SignalStatus.DEGRADED : SignalStatus.HEALTHY,
                value, "< " + percent(thresholdPercent), evidence, false);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }
}
