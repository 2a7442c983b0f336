package io.tdev.ops.port.contract;

import io.tdev.ops.port.TargetHealth;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link TargetHealthContract} on the simulation's healthy service. */
class SimTargetHealthContractTest extends TargetHealthContract {
    private SimEnvironment env;

    @Override
    protected TargetHealth targetHealth() {
        return env.ports().targetHealth();
    }

    @Override
    protected void givenHealthyTargets() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).desiredCount(TASKS).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }
}
