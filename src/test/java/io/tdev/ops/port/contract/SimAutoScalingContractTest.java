package io.tdev.ops.port.contract;

import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.port.AutoScaling;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link AutoScalingContract} on the simulation. */
class SimAutoScalingContractTest extends AutoScalingContract {
    private SimEnvironment env;

    @Override
    protected AutoScaling autoScaling() {
        return env.ports().autoScaling();
    }

    @Override
    protected void givenTheScalableTarget() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).autoScaling(MIN, MAX).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected ScalableTarget capacitySet() {
        return env.scalableTarget().orElseThrow();
    }
}
