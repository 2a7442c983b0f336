package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code health} over the typed use case on the simulation: options → request, exit codes, the three outputs. */
class HealthCommandTest {
    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        return printed.run(new CommandLine(new Main()), args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(printed.out());
    }

    @Test
    void theOptionsBecomeTheRequest() throws IOException {
        int exit = run("health", "--simulate", "--baseline-time", "2026-11-26T08:00:00Z", "--ignore-alarm", "a,b",
                "--window-minutes", "15", "--signals", "ecs-service,alarms", "--signal-timeout-seconds", "5",
                "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode health = json();
        List<String> signals = new ArrayList<>();
        health.get("signals").forEach(s -> signals.add(s.get("name").asText()));
        assertThat(signals).containsExactly("ecs-service", "alarms");
        assertThat(health.get("baselineTime").asText()).isEqualTo("2026-11-26T08:00:00Z");
    }

    @Test
    void aSignalNameOutsideTheListIsInvalidInputNamingTheOption() {
        int exit = run("health", "--simulate", "--signals", "ecs");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--signals").contains("ecs-service").contains("error-logs");
    }

    @Test
    void exitCodesFollowTheVerdict() {
        assertThat(run("health", "--simulate")).as(printed.err()).isZero();
        assertThat(run("health", "--simulate", "--scenario", "alarm-storm")).isEqualTo(1);
        assertThat(run("health", "--simulate", "--scenario", "deployment-in-progress")).isZero();
        assertThat(printed.err()).contains("warning: health is DEGRADED");
        assertThat(run("health", "--simulate", "--scenario", "deployment-in-progress", "--strict")).isEqualTo(1);
    }

    @Test
    void textShowsTheSignalsAsATableAndMarkdownIsTheReport() {
        run("health", "--simulate", "--scenario", "alarm-storm");
        assertThat(printed.out()).contains("status: UNHEALTHY").contains("NAME").contains("alarms");

        run("health", "--simulate", "--scenario", "alarm-storm", "--output", "markdown");
        assertThat(printed.out()).contains("## Health of production: **UNHEALTHY**").contains("| alarms |");
    }
}
