package io.tdev.ops.port.contract;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.port.Alarms;
import io.tdev.ops.sim.SimBuilder;
import io.tdev.ops.sim.SimEnvironment;

import java.util.List;

/** The {@link AlarmsContract} on the simulation: the alarms pinned beside its own evaluated ones. */
class SimAlarmsContractTest extends AlarmsContract {
    private SimEnvironment env;

    @Override
    protected Alarms alarms() {
        return env.ports().alarms();
    }

    @Override
    protected void givenAlarms(List<Alarm> alarms) {
        SimBuilder builder = SimEnvironment.builder(ContractWorld.CONFIG);
        alarms.forEach(a -> builder.alarm(a.name(), a.state(), a.stateUpdatedAt(), a.namespace(), a.metricName(), a.dimensions()));
        env = builder.build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }
}
