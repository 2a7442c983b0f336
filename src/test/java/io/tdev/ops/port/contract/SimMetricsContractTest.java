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
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }
}
