package io.tdev.ops.port.contract;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.port.Dns;
import io.tdev.ops.sim.SimEnvironment;

/** The {@link DnsContract} on the simulation's Route 53. */
class SimDnsContractTest extends DnsContract {
    private SimEnvironment env;

    @Override
    protected Dns dns() {
        return env.ports().dns();
    }

    @Override
    protected void givenTheZoneAndTheHealthCheck() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected DnsRecord upserted() {
        return env.dnsRecords().get(ZONE + " " + NAME + " CNAME");
    }

    @Override
    protected int callsSent() {
        return env.callLog().size();
    }
}
