package io.tdev.ops.fleet;

import java.util.List;

/**
 * The order of verdicts, as the single-service check has it: UNHEALTHY, then UNKNOWN (an unread signal may hide a
 * failure), then DEGRADED, else HEALTHY.
 */
final class FleetVerdict {
    static final String HEALTHY = "HEALTHY";
    static final String DEGRADED = "DEGRADED";
    static final String UNKNOWN = "UNKNOWN";
    static final String UNHEALTHY = "UNHEALTHY";
    private static final List<String> WORST_FIRST = List.of(UNHEALTHY, UNKNOWN, DEGRADED, HEALTHY);

    private FleetVerdict() {
    }

    /** The worst of {@code statuses}; HEALTHY when there are none. */
    static String of(List<String> statuses) {
        for (String s : WORST_FIRST) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        return HEALTHY;
    }
}
