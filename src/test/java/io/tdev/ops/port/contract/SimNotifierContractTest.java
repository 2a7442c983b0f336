package io.tdev.ops.port.contract;

import io.tdev.ops.port.Notifier;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.sim.SimNotification;

import java.util.List;

/** The {@link NotifierContract} on the simulation, observed through its inbox. */
class SimNotifierContractTest extends NotifierContract {
    private SimEnvironment env;

    @Override
    protected Notifier notifier() {
        return env.ports().notifier();
    }

    @Override
    protected void givenTheAlertTopic() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected Published lastPublished() {
        List<SimNotification> inbox = env.notifications();
        SimNotification last = inbox.get(inbox.size() - 1);
        return new Published(last.topic(), last.subject(), last.message());
    }
}
