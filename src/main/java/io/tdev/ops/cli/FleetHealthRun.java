package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.fleet.FleetHealthRequest;
import io.tdev.ops.api.fleet.FleetHealthResult;
import io.tdev.ops.api.fleet.FleetHealthUseCase;

import java.util.List;

/**
 * {@code health --services a,b,c} / {@code health --fleet}: the typed fleet use case under the health command's
 * options. Exit 0 HEALTHY, 0 DEGRADED (1 with --strict), 1 UNHEALTHY or UNKNOWN, as for one service.
 */
final class FleetHealthRun extends OutcomeCommand<FleetHealthResult> {
    private final List<String> services;
    private final boolean strict;

    FleetHealthRun(List<String> services, boolean strict) {
        this.services = services;
        this.strict = strict;
    }

    @Override
    protected FleetHealthResult run(OpsContext context) {
        return FleetHealthUseCase.over(context).run(new FleetHealthRequest(services));
    }

    @Override
    protected int exitCode(FleetHealthResult result) {
        return result.status().equals("DEGRADED") && strict ? 1 : result.ok() ? 0 : 1;
    }

    @Override
    protected String warning(FleetHealthResult result) {
        return result.status().equals("DEGRADED") ? "the fleet is DEGRADED" : null;
    }
}
