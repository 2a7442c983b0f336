package io.tdev.ops.model;

import java.time.Instant;
import java.util.Map;

/** Result of an ECR image scan: status (COMPLETE, IN_PROGRESS, FAILED, ...), finding counts by severity. */
public record ImageScanFindings(String repository, String imageTag, String status, Map<Severity, Integer> counts,
                               Instant completedAt) {
    public ImageScanFindings {
        counts = Map.copyOf(counts);
    }

    public int countAtLeast(Severity threshold) {
        return counts.entrySet().stream().filter(e -> e.getKey().atLeast(threshold)).mapToInt(Map.Entry::getValue).sum();
    }
}
