package io.tdev.ops.port.contract;

import io.tdev.ops.port.Tables;
import io.tdev.ops.sim.SimEnvironment;

import java.time.Duration;

/** The {@link TablesContract} on the simulation's DynamoDB. */
class SimTablesContractTest extends TablesContract {
    private SimEnvironment env;

    @Override
    protected Tables tables() {
        return env.ports().tables();
    }

    @Override
    protected void givenTheTableAndItsBackups() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).backupAges(Duration.ofDays(2), Duration.ofDays(1)).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected int callsSent() {
        return env.callLog().size();
    }
}
