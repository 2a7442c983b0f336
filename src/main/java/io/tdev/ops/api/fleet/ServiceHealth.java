package io.tdev.ops.api.fleet;

import java.util.List;

/**
 * One service's row: its verdict (HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN) and why; {@code reasons} is empty when it
 * is HEALTHY.
 */
public record ServiceHealth(String name, String cluster, String status, List<String> reasons) {
    public ServiceHealth {
        reasons = List.copyOf(reasons);
    }
}
