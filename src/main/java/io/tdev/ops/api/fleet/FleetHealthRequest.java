package io.tdev.ops.api.fleet;

import io.tdev.ops.model.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which services to check: {@code services} by name ({@code NAME} in the environment's cluster, or
 * {@code CLUSTER/NAME}), or, when it is empty, the fleet the environment config lists ({@code fleet.clusters}).
 *
 * @param services ECS service names (1 to 255 of letters, digits, '-' and '_'), at most {@value #MAX_SERVICES}
 */
public record FleetHealthRequest(List<String> services) {
    public static final int MAX_SERVICES = 5000;
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_-]{1,255}/)?[A-Za-z0-9_-]{1,255}");

    public FleetHealthRequest {
        services = services == null ? List.of() : List.copyOf(services);
        if (services.size() > MAX_SERVICES) {
            throw new InvalidInputException("services", "got " + services.size() + " services; allowed at most "
                    + MAX_SERVICES + " in one run");
        }
        for (String s : services) {
            if (s == null || !NAME.matcher(s).matches()) {
                throw new InvalidInputException("services", "got '" + s + "'; allowed: NAME or CLUSTER/NAME, each 1 to 255"
                        + " of the characters A-Z a-z 0-9 - _");
            }
        }
        if (services.stream().distinct().count() != services.size()) {
            throw new InvalidInputException("services", "got " + services + "; each service at most once");
        }
    }

    /** The fleet of the environment config ({@code fleet.clusters}). */
    public static FleetHealthRequest configuredFleet() {
        return new FleetHealthRequest(List.of());
    }
}
