package io.tdev.ops.port.contract;

import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.Ecs;
import io.tdev.ops.sim.SimEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link EcsContract} on the simulation: the world is its healthy default, observed through its inspection calls. */
class SimEcsContractTest extends EcsContract {
    private SimEnvironment env;

    @Override
    protected Ecs ecs() {
        return env.ports().ecs();
    }

    @Override
    protected void givenTheSteadyService() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).revisions(OLDEST_ACTIVE, CURRENT).knownGood(CURRENT)
                .desiredCount(DESIRED).circuitBreaker(false).build();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected Map<String, String> tagsWrittenTo(int revision) {
        return env.tagsOf(revision);
    }

    @Override
    protected int desiredCountSet() {
        return env.desiredCount();
    }

    @Override
    protected TaskDefinitionRef revisionServiceWasPointedAt() {
        return env.service().primaryDeployment().orElseThrow().taskDefinition();
    }

    @Override
    protected TaskDefinition registered(TaskDefinitionRef ref) {
        return env.taskDefinition(ref.revision());
    }

    @Override
    protected void thenNoDeploymentWasStopped() {
        assertThat(env.service().events()).noneSatisfy(e -> assertThat(e.message()).contains("deployment stopped"));
        assertThat(env.service().deployments()).singleElement()
                .satisfies(d -> assertThat(d.taskDefinition()).isEqualTo(revision(CURRENT)));
    }
}
