package io.tdev.ops.fleet;

/**
 * One service of a fleet run and what it is judged against: its cluster's thresholds (or the environment's SLO and
 * health settings) and its log group ({@code logGroupPrefix} + service, or named in config with an empty prefix).
 */
record FleetMember(String cluster, String service, String logGroup, String logGroupPrefix, double cpuPercent, double memoryPercent,
                   int errorEventsDegraded, int errorEventsUnhealthy, int errorWindowMinutes) {
    String key() {
        return cluster + "/" + service;
    }
}
