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

/**
 * Pins the JSON keys of the six first operations (README's "JSON output" table, docs/cli.md), exactly and in order,
 * through the real CLI on the simulation: whatever carries a result to the terminal (a typed record and its codec,
 * {@code PlainValues}), a key that drifts fails here. Keys may be added only by changing this test and the README together.
 */
class JsonContractKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACTION = List.of("what", "target", "before", "after", "at", "dryRun");
    private static final List<String> STABILITY = List.of("done", "stable", "failed", "message", "revision", "current",
            "rolloutState", "running", "desired", "pending", "circuitBreakerRolledBack");
    private static final String IMAGE = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0";

    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofLatestRun();

    private JsonNode json(String... args) throws IOException {
        printed.run(new CommandLine(new Main()), args);
        return JSON.readTree(printed.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void health() throws IOException {
        JsonNode health = json("health", "--simulate", "--output", "json");

        assertThat(keys(health)).as(printed.err()).containsExactly("status", "environment", "service", "reasons",
                "signals", "rolloutState", "rolloutFailed", "circuitBreakerRolledBack", "topPatterns", "checkedAt",
                "baselineTime", "actions", "notes", "markdown");
        assertThat(keys(health.get("signals").get(0))).containsExactly("name", "status", "value", "threshold",
                "evidence", "informational");
        assertThat(health.get("rolloutState").asText()).isEqualTo("COMPLETED");
        assertThat(health.get("circuitBreakerRolledBack").asBoolean()).isFalse();
    }

    @Test
    void deploy() throws IOException {
        JsonNode deploy = json("deploy", "--simulate", "--image", IMAGE, "--output", "json");

        assertThat(keys(deploy)).as(printed.err()).containsExactly("from", "to", "status", "ok", "image", "container",
                "deploymentId", "message", "next", "rolloutState", "circuitBreakerRolledBack", "stability", "actions");
        assertThat(keys(deploy.get("stability"))).containsExactlyElementsOf(STABILITY);
        assertThat(keys(deploy.get("actions").get(0))).containsExactlyElementsOf(ACTION);
        assertThat(deploy.get("ok").asBoolean()).isTrue();
        assertThat(deploy.get("rolloutState").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void rollback() throws IOException {
        JsonNode rollback = json("rollback", "--simulate", "--scenario", "bad-deploy", "--output", "json");

        assertThat(keys(rollback)).as(printed.err()).containsExactly("from", "to", "status", "ok", "target",
                "chosenBecause", "reason", "by", "message", "next", "notification", "stoppedDeploymentId",
                "rolloutState", "circuitBreakerRolledBack", "stability", "actions");
        assertThat(keys(rollback.get("stability"))).containsExactlyElementsOf(STABILITY);
    }

    @Test
    void scale() throws IOException {
        JsonNode scale = json("scale", "--simulate", "--count", "+2", "--output", "json");

        assertThat(keys(scale)).as(printed.err()).containsExactly("from", "to", "status", "ok", "requested",
                "minCapacity", "maxCapacity", "previousMinCapacity", "previousMaxCapacity", "restore", "message", "next",
                "rolloutState", "circuitBreakerRolledBack", "stability", "actions");
    }

    @Test
    void markKnownGood() throws IOException {
        JsonNode mark = json("mark-known-good", "--simulate", "--output", "json");

        assertThat(keys(mark)).as(printed.err()).containsExactly("revision", "status", "ok", "tag", "value", "message",
                "actions");
    }

    @Test
    void checklist() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("TEST-a.xml"), "<testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\""
                + " skipped=\"0\"><testcase name=\"t\" classname=\"a\"/></testsuite>");
        JsonNode checklist = json("checklist", "--simulate", "--dry-run", "--test-reports", reports.toString(),
                "--output", "json");

        assertThat(keys(checklist)).as(printed.err()).containsExactly("passed", "wouldPass", "environment", "service",
                "image", "items", "checkedAt", "actions", "junitXml", "markdown");
        assertThat(keys(checklist.get("items").get(0))).containsExactly("name", "title", "status", "evidence",
                "reason", "by");
    }
}
