package io.tdev.ops.port.contract;

import io.tdev.ops.port.SecurityGroups;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link SecurityGroupsContract} on the simulation's VPC. */
class SimSecurityGroupsContractTest extends SecurityGroupsContract {
    private SimEnvironment env;

    @Override
    protected SecurityGroups securityGroups() {
        return env.ports().securityGroups();
    }

    @Override
    protected void givenTheVpcsGroups() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
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
