package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** db-resize, load-watch and traffic-event end to end on the simulation: exit codes and the JSON contract. */
class TrafficCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        return printed.run(Main.commandLine(new Main()), args);
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(printed.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void dbResizeJsonKeysArePinned() throws IOException {
        int exit = run("db-resize", "--simulate", "--instance-class", "db.r6g.xlarge", "--apply-immediately",
                "--dry-run", "--output", "json");

        assertThat(exit).isZero();
        assertThat(keys(json())).containsExactly("ok", "status", "instance", "from", "to", "applyImmediately",
                "multiAz", "downtime", "message", "next", "actions");
        assertThat(json().get("status").asText()).isEqualTo("PLANNED");
        assertThat(keys(json().get("actions").get(0))).containsExactly("what", "target", "before", "after", "at",
                "dryRun");
    }

    @Test
    void aClassRdsDoesNotOfferIsExitTwoNamingTheOption() {
        int exit = run("db-resize", "--simulate", "--instance-class", "db.z1.huge");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--instance-class").contains("db.r6g.xlarge");
    }

    @Test
    void loadWatchJsonKeysArePinnedAndAStopIsExitOneThatWritesTheStopFile() throws IOException {
        Path stop = dir.resolve("k6.stop");

        int exit = run("load-watch", "--simulate", "--scenario", "load-test", "--duration", "10m",
                "--stop-file", stop.toString(), "--output", "json");

        assertThat(exit).isEqualTo(1);
        JsonNode result = json();
        assertThat(keys(result)).containsExactly("ok", "status", "startedAt", "endedAt", "p95LimitSeconds",
                "errorRateLimitPercent", "samples", "stoppedBecause", "markdown");
        assertThat(keys(result.get("samples").get(0))).containsExactly("at", "p95Seconds", "errorRatePercent",
                "verdict");
        assertThat(result.get("status").asText()).isEqualTo("STOPPED");
        assertThat(Files.readString(stop)).contains(result.get("stoppedBecause").asText());
        assertThat(printed.err()).contains("warning: load test stopped");
    }

    @Test
    void aLoadTestWithinTheLimitsPassesAndWritesNoStopFile() {
        Path stop = dir.resolve("k6.stop");

        int exit = run("load-watch", "--simulate", "--scenario", "load-test-prepared", "--duration", "5m",
                "--stop-file", stop.toString());

        assertThat(exit).isZero();
        assertThat(stop).doesNotExist();
        assertThat(printed.out()).contains("status: PASSED");
    }

    @Test
    void aStopFileThatCannotBeWrittenIsRefusedBeforeTheWatchStarts() {
        int exit = run("load-watch", "--simulate", "--scenario", "load-test", "--duration", "10m",
                "--stop-file", dir.resolve("missing/k6.stop").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--stop-file").contains("folder must exist");
        assertThat(printed.err()).doesNotContain("load-watch 30s");
    }

    @Test
    void trafficEventJsonKeysArePinnedForPrepareAndRestore() throws IOException {
        assertThat(run("traffic-event", "prepare", "--simulate", "--tasks", "10", "--instance-class", "db.r6g.xlarge",
                "--output", "json")).isZero();
        assertThat(keys(json())).containsExactly("ok", "operation", "status", "changes", "savedIn", "message", "next",
                "actions");
        assertThat(keys(json().get("changes").get(0))).containsExactly("what", "before", "after", "outcome");

        assertThat(run("traffic-event", "restore", "--simulate", "--scenario", "traffic-event-prepared",
                "--output", "json")).isZero();
        assertThat(json().get("operation").asText()).isEqualTo("restore");
        assertThat(json().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void trafficEventNeedsPrepareOrRestore() {
        assertThat(run("traffic-event")).isEqualTo(2);
        assertThat(printed.err()).contains("prepare or restore");
    }

    @Test
    void aSecondPrepareIsExitOneAndSaysToRestoreFirst() {
        int exit = run("traffic-event", "prepare", "--simulate", "--scenario", "traffic-event-prepared", "--tasks", "12");

        assertThat(exit).isEqualTo(1);
        assertThat(printed.err()).contains("already prepared").contains("traffic-event restore");
    }

    @Test
    void everyHelpExampleOfTheTrafficCommandsRunsOnTheSimulation() {
        for (String[] command : new String[][] {{"db-resize"}, {"load-watch"}, {"traffic-event"},
                {"traffic-event", "prepare"}, {"traffic-event", "restore"}}) {
            CommandLine cli = Main.commandLine(new Main());
            CommandLine sub = cli;
            for (String name : command) {
                sub = sub.getSubcommands().get(name);
            }
            for (String line : sub.getCommandSpec().usageMessage().footer()) {
                String example = line.strip();
                if (!example.startsWith("tdev-ops ") || !example.contains("--simulate")) {
                    continue;
                }
                String[] args = example.substring("tdev-ops ".length()).split("\\s+");
                int exit = run(args);
                assertThat(exit).as("%s%n%s%s", example, printed.out(), printed.err()).isIn(0, 1);
            }
        }
    }
}
