package io.tdev.ops.backup;

import io.tdev.ops.model.HealthCheckStatus;

/** A Route 53 health check in one line: the verdict, how many checkers agree, one of their reports. */
final class HealthText {
    private HealthText() {
    }

    static String of(HealthCheckStatus h) {
        String sample = h.reports().stream().filter(r -> h.healthy() == r.startsWith("Success")).findFirst().orElse("");
        return (h.healthy() ? "healthy" : "UNHEALTHY") + ": " + h.healthyObservers() + " of " + h.observers()
                + " checkers report success (health check " + h.id() + ")" + (sample.isEmpty() ? "" : "; " + sample);
    }
}
