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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** tdev-ops incident end to end on the simulation; the record's JSON keys are pinned here. */
class IncidentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliOutput printed = CliOutput.ofLatestRun();
    private SimEnvironment sim;

    private int run(String scenario, String... args) {
        SessionFactory keepSim = (common, aws, progress) -> {
            var config = ConfigLoader.load(common.env(), common.config());
            sim = SimEnvironment.scenario(scenario, config);
            return new OpenContext(new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), progress, "alice"), null);
        };
        return printed.run(Main.commandLine(new Main(keepSim)), args);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theIncidentRecordHasExactlyTheDocumentedKeys() throws IOException {
        int exit = run("outage-after-deploy", "incident", "--level", "P0", "--apply", "rollback", "--simulate",
                "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode r = JSON.readTree(printed.out());
        assertThat(keys(r)).containsExactly("level", "status", "diagnosis", "plan", "approvers", "applied", "escalation", "timeline",
                "markdown");
        assertThat(r.get("status").asText()).isEqualTo("REMEDIATED");
        assertThat(keys(r.get("diagnosis").get(0))).containsExactly("name", "status", "value", "evidence");
        assertThat(keys(r.get("plan").get(0))).containsExactly("remedy", "why", "command");
        assertThat(keys(r.get("applied").get(0))).containsExactly("remedy", "status", "ok", "note", "actions");
        assertThat(keys(r.get("escalation").get(0))).startsWith("level", "to", "channel", "status");
        assertThat(keys(r.get("timeline").get(0))).containsExactly("at", "what");
        assertThat(r.get("timeline").get(0).get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(r.get("applied").get(0).get("actions").get(0).has("what")).isTrue();
    }

    @Test
    void withoutApplyNothingChangesAndMarkdownIsTheIncidentReport() {
        int exit = run("failing-agent", "incident", "--level", "P2", "--simulate", "--no-notify", "--output", "markdown");

        assertThat(exit).as(printed.err()).isZero();
        assertThat(printed.out()).contains("# Incident report: P2 on production (DIAGNOSED)")
                .contains("## Symptoms").contains("## Customer impact").contains("## Team").contains("## Immediate action")
                .contains("## Root cause").contains("## Prevention").contains("## Post-mortem")
                .contains("`tdev-ops restart-agent --env production --agent search --reason \"P2 incident\"`");
        assertThat(sim.restartedAgents()).isEmpty();
        assertThat(sim.calls(Api.ADMIN_RESTART_AGENT)).isZero();
    }

    @Test
    void aDrillNotifiesNobody() throws IOException {
        run("outage-after-deploy", "incident", "--level", "P0", "--simulate", "--no-notify", "--output", "json");

        assertThat(JSON.readTree(printed.out()).get("escalation").get(0).get("status").asText()).isEqualTo("SKIPPED");
        assertThat(sim.notifications()).isEmpty();
    }

    @Test
    void aBadLevelOrSinceIsExitTwoNamingTheOption() {
        assertThat(run("healthy", "incident", "--level", "P5", "--simulate")).isEqualTo(2);
        assertThat(printed.err()).contains("--level").contains("P0, P1, P2");
        assertThat(run("healthy", "incident", "--level", "P1", "--since", "forever", "--simulate")).isEqualTo(2);
        assertThat(printed.err()).contains("--since");
    }
}
