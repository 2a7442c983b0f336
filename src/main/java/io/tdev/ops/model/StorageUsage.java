package io.tdev.ops.model;

/** Object count and bytes of a bucket; {@code source} says how it was measured (metrics or listing). */
public record StorageUsage(long objects, long bytes, String source) {
}
