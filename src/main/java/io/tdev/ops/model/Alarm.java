package io.tdev.ops.model;

import java.time.Instant;

/** A CloudWatch metric alarm: its state, since when, and what it watches. */
public record Alarm(String name, AlarmState state, String stateReason, Instant stateUpdatedAt,
                    String namespace, String metricName) {
}
