package io.tdev.ops.port.contract;

import io.tdev.ops.port.Admin;
import io.tdev.ops.sim.SimCall;
import io.tdev.ops.sim.SimEnvironment;

import java.util.List;

/** The {@link AdminContract} on the simulation's admin endpoint. */
class SimAdminContractTest extends AdminContract {
    private SimEnvironment env;

    @Override
    protected Admin admin() {
        return env.ports().admin();
    }

    @Override
    protected void givenTheEndpoint() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    /** A simulated service error stands for the endpoint's failures after every attempt the adapter makes. */
    @Override
    protected void givenTheEndpointFails(String call) {
        env.faults().fail(call, 1);
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected List<String> received() {
        return env.callLog().stream().map(SimCall::api).filter(api -> api.startsWith("POST /admin/")).toList();
    }

    @Override
    protected List<String> restarted() {
        return env.restartedAgents();
    }
}
