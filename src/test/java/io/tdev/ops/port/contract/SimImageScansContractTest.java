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
    protected void givenNeverScanned(String tag) {
        env = SimEnvironment.builder(ContractWorld.CONFIG).revisions(38, 42).neverScanned(tag).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }
}
