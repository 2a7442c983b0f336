package io.tdev.ops.port.contract;

import io.tdev.ops.model.DbInstance;
import io.tdev.ops.port.Databases;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link DatabasesContract} on the simulation's RDS instance. */
class SimDatabasesContractTest extends DatabasesContract {
    private SimEnvironment env;

    @Override
    protected Databases databases() {
        return env.ports().databases();
    }

    @Override
    protected void givenTheInstance() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    @Override
    protected void givenAModificationUnderWay() {
        databases().modifyInstanceClass(DB, BIGGER, true);
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected Modification modificationAsked() {
        DbInstance db = env.database();
        return new Modification(db.pendingInstanceClass(), "modifying".equals(db.status()));
    }

    @Override
    protected int callsSent() {
        return env.callLog().size();
    }
}
