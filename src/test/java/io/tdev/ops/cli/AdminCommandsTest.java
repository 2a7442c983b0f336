package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** clear-cache, restart-agent and invalidate-sessions end to end on the simulation, the simulated admin counting calls. */
class AdminCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliOutput printed = CliOutput.ofLatestRun();
    private SimEnvironment sim;

    private int run(String... args) {
        SessionFactory keepSim = (common, aws, progress) -> {
            var config = ConfigLoader.load(common.env(), common.config());
            sim = SimEnvironment.scenario(common.scenario() == null ? "healthy" : common.scenario(), config);
            return new OpenContext(new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), progress, "alice"), null);
        };
        return printed.run(Main.commandLine(new Main(keepSim)), args);
    }

    @Test
    void clearCacheEndsTheStaleCacheAndRecordsTheAction() throws IOException {
        int exit = run("clear-cache", "--simulate", "--scenario", "cache-degraded", "--reason", "P1", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode r = JSON.readTree(printed.out());
        assertThat(r.get("call").asText()).isEqualTo("POST /admin/clear-cache");
        assertThat(r.get("status").asText()).isEqualTo("DONE");
        assertThat(r.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(r.get("actions").get(0).get("what").asText()).isEqualTo("clear cache (P1) by alice");
        assertThat(sim.calls(Api.ADMIN_CLEAR_CACHE)).isEqualTo(1);
        assertThat(sim.cacheStale()).isFalse();
        assertThat(printed.out() + printed.err()).doesNotContain(sim.adminToken());
    }

    @Test
    void restartAgentRestartsOnlyThatAgent() {
        int exit = run("restart-agent", "--simulate", "--scenario", "failing-agent", "--agent", "search");

        assertThat(exit).as(printed.err()).isZero();
        assertThat(sim.restartedAgents()).containsExactly("search");
        assertThat(sim.failingAgents()).isEmpty();
        assertThat(printed.out()).contains("DONE");
    }

    @Test
    void anUnknownAgentIsExitTwoNamingTheOptionAndTheAgentsAndNothingIsCalled() {
        int exit = run("restart-agent", "--simulate", "--agent", "serch");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--agent").contains("serch").contains("search");
        assertThat(sim.calls(Api.ADMIN_RESTART_AGENT)).isZero();
    }

    @Test
    void invalidateSessionsCallsTheEndpointOnce() throws IOException {
        int exit = run("invalidate-sessions", "--simulate", "--reason", "leaked api key", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        assertThat(sim.sessionInvalidations()).isEqualTo(1);
        assertThat(sim.calls(Api.ADMIN_INVALIDATE_SESSIONS)).isEqualTo(1);
        assertThat(JSON.readTree(printed.out()).get("answer").asText()).contains("sessions invalidated");
    }

    @Test
    void aDryRunSendsNothingAndSaysWhatItWouldSend() throws IOException {
        int exit = run("invalidate-sessions", "--simulate", "--dry-run", "--output", "json");

        assertThat(exit).isZero();
        JsonNode r = JSON.readTree(printed.out());
        assertThat(r.get("status").asText()).isEqualTo("PLANNED");
        assertThat(r.get("actions").get(0).get("dryRun").asBoolean()).isTrue();
        assertThat(sim.sessionInvalidations()).isZero();
        assertThat(sim.calls(Api.ADMIN_INVALIDATE_SESSIONS)).isZero();
        assertThat(sim.calls(Api.GET_SECRET_VALUE)).isZero();
    }

    @Test
    void aThrottledEndpointIsARemoteFailureExitThree() {
        SessionFactory failing = (common, aws, progress) -> {
            var config = ConfigLoader.load(common.env(), common.config());
            sim = SimEnvironment.scenario("healthy", config);
            sim.faults().fail(Api.ADMIN_CLEAR_CACHE, 1);
            return new OpenContext(new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), progress, "alice"), null);
        };

        int exit = printed.run(Main.commandLine(new Main(failing)), "clear-cache", "--simulate");

        assertThat(exit).isEqualTo(3);
        assertThat(printed.err()).contains("POST /admin/clear-cache");
    }
}
