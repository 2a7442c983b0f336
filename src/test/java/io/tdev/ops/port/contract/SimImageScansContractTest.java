package io.tdev.ops.port.contract;

import io.tdev.ops.port.ImageScans;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link ImageScansContract} on the simulation: revisions 38..42 ACTIVE, 35..37 INACTIVE, default findings. */
class SimImageScansContractTest extends ImageScansContract {
    private SimEnvironment env;

    @Override
    protected ImageScans imageScans() {
        return env.ports().imageScans();
    }

    @Override
    protected void givenScannedImages() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).revisions(38, 42).build();
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
