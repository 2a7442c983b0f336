package io.tdev.ops.model;

/**
 * How many parallel segments a DynamoDB Scan of a table should use: AWS's guidance is about one segment per 2 GB
 * of table data, so a small table is one segment (one request per page) and a 30 GB table fifteen. Both the AWS
 * adapter and the simulation size their scans with it, so the simulation makes the calls AWS would.
 */
public final class ScanSegments {
    /** AWS's rule of thumb: one segment per this many bytes. */
    public static final long BYTES_PER_SEGMENT = 2L * 1024 * 1024 * 1024;
    /** Segments at most: each is read by its own thread of this process. */
    public static final int MAX = 16;
    /** A Scan page holds at most 1 MB of the items it read (before any filter). */
    public static final long PAGE_BYTES = 1024 * 1024;

    private ScanSegments() {
    }

    /** Segments for a table of {@code tableSizeBytes} (DescribeTable's TableSizeBytes), 1 to {@value #MAX}. */
    public static int forTableSize(long tableSizeBytes) {
        long segments = (Math.max(0, tableSizeBytes) + BYTES_PER_SEGMENT - 1) / BYTES_PER_SEGMENT;
        return (int) Math.max(1, Math.min(MAX, segments));
    }
}
