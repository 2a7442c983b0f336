package io.tdev.ops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.report.JsonReport;
import io.tdev.ops.sim.Api;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade over the simulated environment: argument maps in, maps of plain JDK values out (the JSON contract). */
class DefaultTdevOpsScenarioTest {
    @TempDir
    Path workspace;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** Only String, Number, Boolean, null, List and Map all the way down. */
    private static void assertPlain(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(v);
            });
            return;
        }
        if (o instanceof List<?> l) {
            l.forEach(DefaultTdevOpsScenarioTest::assertPlain);
            return;
        }
        throw new AssertionError("not a plain JDK value: " + o.getClass() + " " + o);
    }

    @Test
    void healthCheckReturnsStatusSignalsAndMarkdown() throws Exception {
        SimRun run = SimRun.scenario("bad-deploy");

        Map<String, Object> r = run.facade().healthCheck(Map.of("windowMinutes", 30, "signals", List.of("alarms", "error-logs"),
                "baselineTime", "2026-11-26T08:00:00Z", "ignoreAlarms", List.of("nothing")));

        assertPlain(r);
        assertThat(r.get("status")).isEqualTo("UNHEALTHY");
        assertThat(list(r.get("signals"))).extracting(s -> s.get("name")).containsExactly("alarms", "error-logs");
        assertThat(list(r.get("signals")).get(0)).containsKeys("name", "status", "value", "threshold", "evidence");
        assertThat((String) r.get("markdown")).contains("| alarms | UNHEALTHY |");
        assertThat(list(r.get("signals")).get(1).get("value")).asString().endsWith("ERROR events in 30m");
        Map<?, ?> json = new ObjectMapper().readValue(JsonReport.render(r), Map.class);
        assertThat(json.get("status")).isEqualTo("UNHEALTHY");
    }

    @Test
    void healthCheckSignalTimeoutCanBeGivenInSeconds() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().hang(Api.DESCRIBE_ALARMS);

        Map<String, Object> r = run.facade().healthCheck(Map.of("signalTimeoutSeconds", 0.3, "signals", List.of("alarms")));

        assertThat(r.get("status")).isEqualTo("UNKNOWN");
        assertThat(list(r.get("signals")).get(0).get("evidence")).asString().contains("not read within 300ms");
        run.sim.faults().clearAll();
    }

    @Test
    void deployMarkKnownGoodAndRollbackRoundTrip() {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();

        Map<String, Object> deploy = ops.ecsDeploy(Map.of("image", run.sim.imageUri("2.0.43")));
        Map<String, Object> mark = ops.markKnownGood(Map.of());
        Map<String, Object> deployBad = ops.ecsDeploy(Map.of("image", run.sim.imageUri("2.1.0-bad"), "timeoutMinutes", 10));
        Map<String, Object> rollback = ops.rollback(Map.of("reason", "bad image", "dryRun", "false"));

        assertPlain(deploy);
        assertPlain(rollback);
        assertThat(deploy).containsEntry("status", "COMPLETED").containsEntry("to", "t-developer-backend-production:43");
        assertThat(mark).containsEntry("revision", "t-developer-backend-production:43").containsEntry("status", "COMPLETED");
        assertThat(deployBad).containsEntry("status", "FAILED");
        assertThat(rollback).containsEntry("from", "t-developer-backend-production:44")
                .containsEntry("to", "t-developer-backend-production:43").containsEntry("status", "COMPLETED");
        assertThat((String) rollback.get("notification")).startsWith("sent: message ");
        assertThat(list(rollback.get("actions"))).extracting(a -> a.get("what")).contains("update service", "notify");
    }

    @Test
    void rollbackWithNothingToRollBackToIsAPreconditionFailure() {
        SimRun run = SimRun.scenario("no-known-good");

        assertThatThrownBy(() -> run.facade().rollback(Map.of("target", "last-known-good")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("nothing to roll back to");
    }

    @Test
    void scaleReturnsFromToStatusAndTheAutoscalingBounds() {
        SimRun run = SimRun.scenario("healthy");

        Map<String, Object> r = run.facade().scale(Map.of("count", "p0"));

        assertPlain(r);
        assertThat(r).containsEntry("from", 3).containsEntry("to", 10).containsEntry("status", "COMPLETED")
                .containsEntry("minCapacity", 10).containsEntry("maxCapacity", 20)
                .containsEntry("previousMinCapacity", 2);
        assertThatThrownBy(() -> run.facade().scale(Map.of("count", 50)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("allowed range 2..20");
    }

    @Test
    void checklistReturnsPassedItemsWellFormedJUnitXmlAndMarkdown() throws Exception {
        Path dir = Files.createDirectories(workspace.resolve("reports"));
        Files.writeString(dir.resolve("TEST-a.xml"), "<testsuite><testcase classname=\"a\" name=\"b\"/></testsuite>");
        SimRun run = SimRun.scenario("stale-backup");

        Map<String, Object> r = run.facade().preDeployChecklist(Map.of("image", "2.0.42", "testReports", dir.toString(),
                "waive", Map.of("image-scan", "scanned yesterday"), "waivedBy", "lee", "backupMaxAgeHours", 24));

        assertPlain(r);
        assertThat(r.get("passed")).isEqualTo(false);
        assertThat(list(r.get("items"))).extracting(i -> i.get("name"), i -> i.get("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tests-passed", "PASS"),
                org.assertj.core.groups.Tuple.tuple("image-scan", "WAIVED"),
                org.assertj.core.groups.Tuple.tuple("backup", "FAIL"),
                org.assertj.core.groups.Tuple.tuple("rollback-plan", "PASS"),
                org.assertj.core.groups.Tuple.tuple("monitoring", "PASS"),
                org.assertj.core.groups.Tuple.tuple("team-notified", "PASS"));
        assertThat(list(r.get("items")).get(1)).containsEntry("by", "lee").containsEntry("reason", "scanned yesterday");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(((String) r.get("junitXml")).getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(6);
        assertThat((String) r.get("markdown")).contains("**FAILED**").contains("| Backup done (`backup`) | FAIL |");
    }

    @Test
    void stabilityIsOneLookAtARolloutStartedWithoutWaiting() {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();

        Map<String, Object> started = ops.ecsDeploy(Map.of("image", run.sim.imageUri("2.0.43"), "wait", false));
        Map<String, Object> first = ops.stability(Map.of("revision", started.get("to"), "desiredCount", 3));
        run.sim.advanceUntil(s -> s.stable(), java.time.Duration.ofMinutes(10));
        Map<String, Object> later = ops.stability(Map.of("revision", "43", "desiredCount", 3));

        assertThat(started).containsEntry("status", "STARTED");
        assertThat(first).containsEntry("done", false).containsEntry("stable", false).containsEntry("failed", false)
                .containsKeys("message", "running", "desired", "pending");
        assertThat(later).containsEntry("done", true).containsEntry("stable", true).containsEntry("running", 3);
    }
}
