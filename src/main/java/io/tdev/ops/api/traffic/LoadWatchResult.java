package io.tdev.ops.api.traffic;

import io.tdev.ops.api.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * What the load watch saw.
 *
 * @param status         PASSED: the test ran its course within the limits; STOPPED: the watch stopped it
 * @param samples        one per look, oldest first
 * @param stoppedBecause why the watch stopped the test (null when PASSED)
 * @param markdown       the samples as a table and a chart (inline SVG) of p95 and errors over the test
 */
public record LoadWatchResult(boolean ok, Status status, Instant startedAt, Instant endedAt, double p95LimitSeconds,
                              double errorRateLimitPercent, List<Sample> samples, String stoppedBecause,
                              String markdown) implements Outcome {
    public enum Status { PASSED, STOPPED }

    /**
     * @param p95Seconds       ALB TargetResponseTime p95 of the last complete minute (null: no data)
     * @param errorRatePercent ALB and target 5xx per request of that minute (null: no requests)
     * @param verdict          the health check's verdict at that moment
     */
    public record Sample(Instant at, Double p95Seconds, Double errorRatePercent, String verdict) {
    }
}
