package io.tdev.ops.model;

/** A log group; {@code retentionDays} is null when events never expire. */
public record LogGroup(String name, Integer retentionDays, long storedBytes) {
}
