package io.tdev.ops.admin;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Progress;
import io.tdev.ops.api.admin.AdminRequest;
import io.tdev.ops.api.admin.AdminResult;
import io.tdev.ops.api.admin.AdminUseCase;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.EcsTask;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimCall;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** restart-agent by stopping the agent's ECS tasks one at a time (incident.restartAgent.via: ecs-tasks). */
class AgentTaskRestartTest {
    private static final EnvironmentConfig BUILT_IN = ConfigLoader.builtIn("production");
    private static final EnvironmentConfig ECS_TASKS = BUILT_IN.withIncident(BUILT_IN.incident().withRestartAgent(
            new EnvironmentConfig.AgentRestart("ecs-tasks", "t-developer-{agent}-agent-production", 120)));

    private final List<String> progress = new ArrayList<>();

    private AdminResult restart(SimEnvironment sim, String agent, boolean dryRun) {
        OpsContext context = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), progress::add, "alice");
        return AdminUseCase.over(context).run(AdminRequest.restartAgent(agent, "P2 incident", dryRun));
    }

    @Test
    void stopsTheAgentsTasksOneAtATimeEachReplacementRunningBeforeTheNextStop() {
        SimEnvironment sim = SimEnvironment.scenario("failing-agent", ECS_TASKS);
        List<String> before = sim.agentTasks("search").stream().map(EcsTask::arn).toList();

        AdminResult r = restart(sim, "search", false);

        assertThat(r.status()).isEqualTo("DONE");
        assertThat(r.call()).isEqualTo("ECS StopTask t-developer-search-agent-production");
        assertThat(before).hasSize(2);
        assertThat(sim.agentTasks("search")).hasSize(2).allSatisfy(t -> assertThat(before).doesNotContain(t.arn()));
        assertThat(sim.agentTasks("search")).allMatch(EcsTask::running);
        assertThat(sim.agentTasks("generation")).extracting(EcsTask::arn).hasSize(2)
                .as("only that agent's service is touched").doesNotContainAnyElementsOf(sim.agentTasks("search").stream().map(EcsTask::arn).toList());
        assertThat(sim.failingAgents()).isEmpty();
        assertThat(sim.calls(Api.ADMIN_RESTART_AGENT)).isZero();
        assertThat(r.actions()).extracting(Action::target).containsSubsequence(before.get(0), before.get(1));
        // between the two stops, the service was looked at until a replacement was RUNNING
        List<SimCall> calls = sim.callLog().stream().filter(c -> c.api().startsWith("ecs:StopTask")
                || c.api().equals(Api.DESCRIBE_TASKS)).toList();
        int first = calls.indexOf(calls.stream().filter(c -> c.api().equals(Api.STOP_TASK)).findFirst().orElseThrow());
        int second = calls.subList(first + 1, calls.size()).stream().map(SimCall::api).toList().indexOf(Api.STOP_TASK) + first + 1;
        assertThat(calls.subList(first + 1, second)).extracting(SimCall::api).contains(Api.DESCRIBE_TASKS);
        assertThat(calls.get(second).at()).isAfterOrEqualTo(calls.get(first).at().plusSeconds(30));
        assertThat(progress).anyMatch(l -> l.startsWith("stopping task 2 of 2 of t-developer-search-agent-production"));
    }

    @Test
    void aDryRunListsTheTasksItWouldStopAndStopsNone() {
        SimEnvironment sim = SimEnvironment.scenario("failing-agent", ECS_TASKS);

        AdminResult r = restart(sim, "search", true);

        assertThat(r.status()).isEqualTo("PLANNED");
        assertThat(r.answer()).contains("would stop 2 task(s) of t-developer-search-agent-production one at a time");
        assertThat(r.actions()).allMatch(Action::dryRun);
        assertThat(sim.calls(Api.STOP_TASK)).isZero();
        assertThat(sim.failingAgents()).containsExactly("search");
    }

    @Test
    void aReplacementThatNeverRunsStopsTheRestartSayingHowFarItGot() {
        SimEnvironment sim = SimEnvironment.scenario("failing-agent", ECS_TASKS);
        sim.stallAgentReplacements();

        assertThatThrownBy(() -> restart(sim, "search", false))
                .isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("stopped after 1 of 2 task(s)")
                .hasMessageContaining("not RUNNING after 120 s (incident.restartAgent.replacementTimeoutSeconds)")
                .hasMessageContaining("run restart-agent again");
        assertThat(sim.calls(Api.STOP_TASK)).isEqualTo(1);
    }

    @Test
    void theAdminWayIsTheDefaultAndTouchesNoTask() {
        SimEnvironment sim = SimEnvironment.scenario("failing-agent", BUILT_IN);

        AdminResult r = restart(sim, "search", false);

        assertThat(r.call()).isEqualTo("POST /admin/restart-agent");
        assertThat(sim.calls(Api.STOP_TASK)).isZero();
        assertThat(sim.calls(Api.ADMIN_RESTART_AGENT)).isEqualTo(1);
    }
}
