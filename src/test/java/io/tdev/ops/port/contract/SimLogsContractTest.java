package io.tdev.ops.port.contract;

import io.tdev.ops.port.Logs;
import io.tdev.ops.sim.SimEnvironment;

import java.time.Duration;

/**
 * The {@link LogsContract} on the simulation's CloudWatch Logs, which starts at {@link LogsContract#TO} after a burst
 * of failed logins in the two hours before.
 */
class SimLogsContractTest extends LogsContract {
    private SimEnvironment env;

    @Override
    protected Logs logs() {
        return env.ports().logs();
    }

    @Override
    protected void givenTheServicesLogGroups() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).startAt(TO)
                .logBurst("authentication failed", FAILED_LOGINS, Duration.between(FROM, TO), "203.0.113.7", "198.51.100.23")
                .build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected int callsSent() {
        return env.callLog().size();
    }

    @Override
    protected Integer retentionOf(String group) {
        return env.logRetention().get(group);
    }
}
