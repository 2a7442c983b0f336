package io.tdev.ops.model;

import java.time.Instant;
import java.util.Map;

/**
 * Result of an ECR image scan: status (COMPLETE, IN_PROGRESS, FAILED, ..., or {@link #NOT_SCANNED} for an image ECR
 * has no scan of), finding counts by severity.
 */
public record ImageScanFindings(String repository, String imageTag, String status, Map<Severity, Integer> counts,
                               Instant completedAt) {
    public ImageScanFindings {
        counts = Map.copyOf(counts);
    }

    /** The status of an image never scanned (ECR's ScanNotFoundException): a fact, not a failure. */
    public static final String NOT_SCANNED = "NOT_FOUND";

    public static ImageScanFindings notScanned(String repository, String imageTag) {
        return new ImageScanFindings(repository, imageTag, NOT_SCANNED, Map.of(), null);
    }

    public boolean neverScanned() {
        return NOT_SCANNED.equals(status);
    }

    public int countAtLeast(Severity threshold) {
        return counts.entrySet().stream().filter(e -> e.getKey().atLeast(threshold)).mapToInt(Map.Entry::getValue).sum();
    }
}
