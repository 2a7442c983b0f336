package io.tdev.ops.api.fleet;

import io.tdev.ops.api.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * The fleet's verdict (the worst of its services: UNHEALTHY, then UNKNOWN, then DEGRADED, else HEALTHY) and one row
 * per service, in the order they were asked for.
 */
public record FleetHealthResult(String environment, String status, List<ServiceHealth> services, Instant checkedAt)
        implements Outcome {
    public FleetHealthResult {
        services = List.copyOf(services);
    }

    /** HEALTHY or DEGRADED: every service is serving. */
    @Override
    public boolean ok() {
        return status.equals("HEALTHY") || status.equals("DEGRADED");
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Fleet health of ").append(environment).append(": **").append(status)
                .append("**\n\n");
        long unhealthy = services.stream().filter(s -> !s.status().equals("HEALTHY")).count();
        md.append(services.size()).append(" services, ").append(unhealthy).append(" not HEALTHY; checked at ")
                .append(checkedAt).append(".\n\n");
        md.append("| service | cluster | status | reasons |\n|---|---|---|---|\n");
        for (ServiceHealth s : services) {
            md.append("| ").append(s.name()).append(" | ").append(s.cluster()).append(" | ").append(s.status())
                    .append(" | ").append(String.join("; ", s.reasons()).replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
