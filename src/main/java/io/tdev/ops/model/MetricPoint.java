package io.tdev.ops.model;

import java.time.Instant;

public record MetricPoint(Instant at, double value) {
}
