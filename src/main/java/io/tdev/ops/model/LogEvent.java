package io.tdev.ops.model;

import java.time.Instant;

public record LogEvent(Instant timestamp, String logStream, String message) {
}
