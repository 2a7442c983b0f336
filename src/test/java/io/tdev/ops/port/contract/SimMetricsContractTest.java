package io.tdev.ops.port.contract;

import io.tdev.ops.port.Metrics;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link MetricsContract} on the simulation, which starts at {@link MetricsContract#WINDOW_TO}. */
class SimMetricsContractTest extends MetricsContract {
    private SimEnvironment env;

    @Override
    protected Metrics metrics() {
        return env.ports().metrics();
    }

    @Override
    protected void givenTheServicesMetrics() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).startAt(WINDOW_TO).build();
    }

    @Override
    protected void givenDenied(String iamAction) {
        env.faults().denyAccess(iamAction, 1);
    }

    @Override
    protected void givenThrottled(String iamAction) {
        env.faults().throttle(iamAction, 1);
    }
}
