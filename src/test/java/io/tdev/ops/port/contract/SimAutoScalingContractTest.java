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
    protected void givenDenied(String iamAction) {
        env.faults().denyAccess(iamAction, 1);
    }

    @Override
    protected void givenThrottled(String iamAction) {
        env.faults().throttle(iamAction, 1);
    }

    @Override
    protected ScalableTarget capacitySet() {
        return env.scalableTarget().orElseThrow();
    }
}
