package io.tdev.ops.model;

import java.util.List;

/**
 * A Route 53 health check as its checkers see it: how many of them report success, and their reports.
 * Route 53 counts a check healthy when more than 18 % of its checkers do.
 */
public record HealthCheckStatus(String id, int healthyObservers, int observers, List<String> reports) {
    public HealthCheckStatus {
        reports = List.copyOf(reports);
    }

    public boolean healthy() {
        return observers > 0 && healthyObservers * 100 > observers * 18;
    }
}
