package io.tdev.ops.port.contract;

import io.tdev.ops.port.Secrets;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link SecretsContract} on the simulation's Secrets Manager. */
class SimSecretsContractTest extends SecretsContract {
    private SimEnvironment env;

    @Override
    protected Secrets secrets() {
        return env.ports().secrets();
    }

    @Override
    protected void givenTheApiKeySecret() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    @Override
    protected void givenARotationUnderWay() {
        secrets().rotate(SECRET);
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected String valueStored(String secretId) {
        return env.secretValue(secretId).orElseThrow();
    }

    @Override
    protected int callsSent() {
        return env.callLog().size();
    }
}
