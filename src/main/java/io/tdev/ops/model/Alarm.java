package io.tdev.ops.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudWatch metric alarm: its state, since when, and what it watches. {@code dimensions} are the metric's
 * (name → value, e.g. ServiceName → t-developer-service-production; for a metric-math alarm those of its
 * metrics); they say which resource the alarm is about when its name does not.
 */
public record Alarm(String name, AlarmState state, String stateReason, Instant stateUpdatedAt,
                    String namespace, String metricName, Map<String, String> dimensions) {
    public Alarm {
        dimensions = dimensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    /** An alarm without dimensions (a custom metric published without any). */
    public Alarm(String name, AlarmState state, String stateReason, Instant stateUpdatedAt, String namespace,
                 String metricName) {
        this(name, state, stateReason, stateUpdatedAt, namespace, metricName, Map.of());
    }
}
