package io.tdev.ops.api.incident;

import java.time.Instant;

/** When something happened during the incident run. */
public record TimelineEntry(Instant at, String what) {
}
