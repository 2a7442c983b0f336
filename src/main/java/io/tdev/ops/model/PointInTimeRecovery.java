package io.tdev.ops.model;

import java.time.Instant;

/** Point-in-time recovery of a table: on or off, and the window it can restore to (null when off). */
public record PointInTimeRecovery(boolean enabled, Instant earliestRestorable, Instant latestRestorable) {
}
