package io.tdev.ops.model;

import java.util.List;
import java.util.OptionalDouble;

/** The answer for one {@link MetricQuery}, points oldest first. */
public record MetricSeries(String id, List<MetricPoint> points) {
    public MetricSeries {
        points = List.copyOf(points);
    }

    public OptionalDouble max() {
        return points.stream().mapToDouble(MetricPoint::value).max();
    }

    public OptionalDouble average() {
        return points.stream().mapToDouble(MetricPoint::value).average();
    }

    public OptionalDouble latest() {
        return points.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(points.get(points.size() - 1).value());
    }
}
