package io.tdev.ops.port.contract;

import io.tdev.ops.port.Webhooks;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;

import java.util.List;

/** The {@link WebhooksContract} on the simulation, observed through the posts it keeps. */
class SimWebhooksContractTest extends WebhooksContract {
    private SimEnvironment env;

    @Override
    protected Webhooks webhooks() {
        return env.ports().webhooks();
    }

    @Override
    protected String url() {
        return "https://hooks.slack.com" + PATH;
    }

    @Override
    protected void givenTheChannel() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
    }

    @Override
    protected void givenTheChannelFails() {
        env.faults().fail(Api.WEBHOOK_POST, 1);
    }

    @Override
    protected List<Post> received() {
        return env.webhookPosts().stream().map(p -> new Post(p.getKey(), p.getValue())).toList();
    }
}
