package io.tdev.ops.model;

import java.time.Instant;

/** An entry of the ECS service's event list. */
public record ServiceEvent(Instant at, String message) {
}
