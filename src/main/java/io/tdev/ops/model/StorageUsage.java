package io.tdev.ops.model;

/**
 * Object count and bytes of a bucket; {@code source} says how it was measured (metrics of which day, or a listing);
 * {@code truncated} when a capped listing stopped before the end, so the numbers are lower bounds.
 */
public record StorageUsage(long objects, long bytes, String source, boolean truncated) {
    public StorageUsage(long objects, long bytes, String source) {
        this(objects, bytes, source, false);
    }
}
