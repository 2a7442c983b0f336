package io.tdev.ops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.DeployUseCase;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackUseCase;
import io.tdev.ops.api.change.RolloutWatchUseCase;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleUseCase;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthUseCase;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed use cases over the simulated environment: requests in, result records out, and their plain values
 * ({@link PlainValues}: what the CLI prints as JSON and a Jenkins step returns) plain JDK values all the way down.
 */
class UseCasesScenarioTest {
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
            l.forEach(UseCasesScenarioTest::assertPlain);
            return;
        }
        throw new AssertionError("not a plain JDK value: " + o.getClass() + " " + o);
    }

    @Test
    void healthCheckReturnsStatusSignalsAndMarkdown() throws Exception {
        SimRun run = SimRun.scenario("bad-deploy");

        Map<String, Object> r = PlainValues.map(HealthUseCase.over(run.ctx).run(new HealthRequest(
                Instant.parse("2026-11-26T08:00:00Z"), Set.of("nothing"), Duration.ofMinutes(30),
                List.of("alarms", "error-logs"), null)));

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

        Map<String, Object> r = PlainValues.map(HealthUseCase.over(run.ctx).run(new HealthRequest(null, Set.of(), null,
                List.of("alarms"), Duration.ofMillis(300))));

        assertThat(r.get("status")).isEqualTo("UNKNOWN");
        assertThat(list(r.get("signals")).get(0).get("evidence")).asString().contains("not read within 300ms");
        run.sim.faults().clearAll();
    }

    @Test
    void deployMarkKnownGoodAndRollbackRoundTrip() {
        SimRun run = SimRun.scenario("healthy");

        Map<String, Object> deploy = PlainValues.map(DeployUseCase.over(run.ctx).run(DeployRequest.of(run.sim.imageUri("2.0.43"))));
        Map<String, Object> mark = PlainValues.map(MarkKnownGoodUseCase.over(run.ctx).run(MarkKnownGoodRequest.current()));
        Map<String, Object> deployBad = PlainValues.map(DeployUseCase.over(run.ctx).run(new DeployRequest(
                run.sim.imageUri("2.1.0-bad"), null, true, Duration.ofMinutes(10), false)));
        Map<String, Object> rollback = PlainValues.map(RollbackUseCase.over(run.ctx).run(RollbackRequest.of(null,
                "bad image", true, null, true, false)));

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

        assertThatThrownBy(() -> RollbackUseCase.over(run.ctx).run(RollbackRequest.of("last-known-good", null, true,
                null, true, false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("nothing to roll back to");
    }

    @Test
    void scaleReturnsFromToStatusAndTheAutoscalingBounds() {
        SimRun run = SimRun.scenario("healthy");

        Map<String, Object> r = PlainValues.map(ScaleUseCase.over(run.ctx).run(ScaleRequest.of("p0", false, true, null,
                false)));

        assertPlain(r);
        assertThat(r).containsEntry("from", 3).containsEntry("to", 10).containsEntry("status", "COMPLETED")
                .containsEntry("minCapacity", 10).containsEntry("maxCapacity", 20)
                .containsEntry("previousMinCapacity", 2);
        assertThatThrownBy(() -> ScaleUseCase.over(run.ctx).run(ScaleRequest.of("50", false, true, null, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("allowed range 2..20");
    }

    @Test
    void checklistReturnsPassedItemsWellFormedJUnitXmlAndMarkdown() throws Exception {
        Path dir = Files.createDirectories(workspace.resolve("reports"));
        Files.writeString(dir.resolve("TEST-a.xml"), "<testsuite><testcase classname=\"a\" name=\"b\"/></testsuite>");
        SimRun run = SimRun.scenario("stale-backup");

        Map<String, Object> r = PlainValues.map(ChecklistUseCase.over(run.ctx).run(new ChecklistRequest("2.0.42",
                dir.toString(), 24, false, null, Map.of("image-scan", "scanned yesterday"), "lee", List.of(), true, null,
                false, null)));

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
        RolloutWatchUseCase watch = RolloutWatchUseCase.over(run.ctx);

        DeployResult started = DeployUseCase.over(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null,
                false, null, false));
        PendingChange pending = watch.pending(started, null);
        Map<String, Object> first = PlainValues.map(watch.look(pending));
        run.sim.advanceUntil(s -> s.stable(), java.time.Duration.ofMinutes(10));
        Map<String, Object> later = PlainValues.map(watch.look(pending));

        assertThat(started.status()).isEqualTo(ChangeStatus.STARTED);
        assertThat(pending.revision()).isEqualTo(started.to());
        assertThat(first).containsEntry("done", false).containsEntry("stable", false).containsEntry("failed", false)
                .containsKeys("message", "running", "desired", "pending");
        assertThat(later).containsEntry("done", true).containsEntry("stable", true).containsEntry("running", 3)
                .containsEntry("revision", "t-developer-backend-production:43");
    }
}
