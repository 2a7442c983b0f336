package io.tdev.ops.port.contract;

import io.tdev.ops.model.LifecycleRule;
import io.tdev.ops.port.Storage;
import io.tdev.ops.sim.SimEnvironment;

import java.util.List;

/** The {@link StorageContract} on the simulation's S3 bucket. */
class SimStorageContractTest extends StorageContract {
    private SimEnvironment env;

    @Override
    protected Storage storage() {
        return env.ports().storage();
    }

    @Override
    protected void givenTheBucket() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected String policyStored() {
        return env.bucketPolicy().orElseThrow();
    }

    @Override
    protected List<LifecycleRule> lifecycleStored() {
        return storage().lifecycleRules(BUCKET);
    }

    @Override
    protected int callsSent() {
        return env.callLog().size();
    }
}
