package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tdev-ops weekly-report}: the JSON keys the issue pins, exit codes, Markdown and the HTML file. */
class WeeklyReportCommandTest {
    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        return printed.run(Main.commandLine(new Main()), args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(printed.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theJsonContractHasThePinnedKeys() throws Exception {
        assertThat(run("weekly-report", "--simulate", "--output", "json")).isZero();

        JsonNode r = json();
        assertThat(keys(r)).contains("from", "to", "slos", "pipeline", "generations", "distinctUsers",
                "projectsCreated", "previousWeek", "incidents", "markdown");
        assertThat(r.get("incidents").isArray()).isTrue();
        assertThat(r.get("from").asText()).isEqualTo("2026-11-16");
        assertThat(r.get("to").asText()).isEqualTo("2026-11-22");
        assertThat(r.get("slos")).hasSize(5);
        List<String> names = new ArrayList<>();
        r.get("slos").forEach(s -> {
            names.add(s.get("name").asText());
            assertThat(keys(s)).contains("name", "objective", "actual", "met", "evidence");
        });
        assertThat(names).containsExactly("availability", "pipeline-p95", "error-rate", "cpu", "memory");
        assertThat(keys(r.get("pipeline"))).contains("averageSeconds", "p95Seconds", "daily");
        assertThat(r.get("pipeline").get("daily")).hasSize(7);
        assertThat(keys(r.get("pipeline").get("daily").get(0))).contains("date", "averageSeconds", "p95Seconds");
        assertThat(r.get("pipeline").get("daily").get(0).get("date").asText()).isEqualTo("2026-11-16");
        assertThat(keys(r.get("generations"))).contains("success", "failure", "errorRatePercent");
        assertThat(r.get("distinctUsers").asLong()).isPositive();
        assertThat(r.get("projectsCreated").asLong()).isPositive();
        JsonNode previous = r.get("previousWeek");
        assertThat(keys(previous)).contains("from", "to", "pipeline", "generations", "distinctUsers", "projectsCreated");
        assertThat(previous.get("from").asText()).isEqualTo("2026-11-09");
        assertThat(previous.get("generations").get("success").asLong()).isPositive();
        assertThat(r.get("markdown").asText()).contains("| availability |");
    }

    @Test
    void aMissedSloExitsOneAndSaysWhichOnStderr() throws Exception {
        int exit = run("weekly-report", "--simulate", "--scenario", "slo-missed", "--output", "json");

        assertThat(exit).isEqualTo(1);
        assertThat(printed.err()).contains("SLOs not met: availability MISSED, pipeline-p95 MISSED, error-rate MISSED");
        JsonNode errorRate = json().get("slos").get(2);
        assertThat(errorRate.get("met").asBoolean()).isFalse();
        assertThat(errorRate.get("actual").asDouble()).isGreaterThan(2);
        assertThat(errorRate.get("previous").asDouble()).isLessThan(2);
    }

    @Test
    void incidentsAreAnArrayOfAtWhatAndSource() throws Exception {
        run("weekly-report", "--simulate", "--scenario", "slo-missed", "--output", "json");

        JsonNode incidents = json().get("incidents");
        assertThat(incidents).hasSize(4);
        incidents.forEach(i -> assertThat(keys(i)).containsExactly("at", "until", "kind", "what", "source"));
        assertThat(incidents.get(0).get("at").asText()).isEqualTo("2026-11-18T08:03:00Z");
        assertThat(incidents.get(3).get("source").asText()).isEqualTo("ecs:ListServiceDeployments");
    }

    @Test
    void notifyTeamPublishesAndRecordsTheAction() throws Exception {
        assertThat(run("weekly-report", "--simulate", "--notify-team", "--output", "json")).isZero();

        JsonNode action = json().get("actions").get(0);
        assertThat(action.get("what").asText()).isEqualTo("notify");
        assertThat(action.get("target").asText()).isEqualTo("t-developer-alerts-production");
    }

    @Test
    void markdownIsTheSloTable() {
        run("weekly-report", "--simulate", "--scenario", "slo-missed", "--output", "markdown");

        assertThat(printed.out()).contains("| SLO | objective | this week | last week | change | status | evidence |")
                .contains("| error-rate | < 2.0 % |").contains("**MISSED**").contains("2026-11-18 WED");
    }

    @Test
    void anEarlierWeekAndAnHtmlFile(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("weekly.html");
        assertThat(run("weekly-report", "--simulate", "--week-ending", "2026-11-15", "--html", page.toString(),
                "--output", "json")).isZero();

        assertThat(json().get("from").asText()).isEqualTo("2026-11-09");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<svg");
    }

    @Test
    void aWeekNotYetOverIsInvalidInputNamingTheOption() {
        assertThat(run("weekly-report", "--simulate", "--week-ending", "2026-11-29")).isEqualTo(2);
        assertThat(printed.err()).contains("--week-ending").contains("the week must be over");

        assertThat(run("weekly-report", "--simulate", "--week-ending", "22.11.2026")).isEqualTo(2);
        assertThat(printed.err()).contains("--week-ending").contains("YYYY-MM-DD");
    }
}
