package io.tdev.ops.api;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy gate's rules at the facade, on the simulated environment (issue 9, first group). */
class DeployGateRulesTest {
    private final SimRun run = SimRun.scenario("healthy");
    private final TdevOps ops = run.facade();

    @Test
    void aBaselineLaterThanTheCheckItselfIsInvalidInput() {
        String future = run.sim.clock().instant().plus(Duration.ofMinutes(5)).toString();

        assertThatThrownBy(() -> ops.healthCheck(Map.of("baselineTime", future)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("baselineTime").hasMessageContaining(future);
        assertThatThrownBy(() -> ops.healthCheck(Map.of("baselineTime", "2030-01-01T00:00:00Z")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("later than");
    }

    @Test
    void aBaselineOlderThanADayIsAllowedButSaidInTheResult() {
        Instant now = run.sim.clock().instant();
        Map<String, Object> old = ops.healthCheck(Map.of("baselineTime", now.minus(Duration.ofDays(3)).toString()));
        Map<String, Object> recent = ops.healthCheck(Map.of("baselineTime", now.minus(Duration.ofHours(1)).toString()));

        assertThat(old.get("notes").toString()).contains("the baseline").contains("72h");
        assertThat((List<?>) recent.get("notes")).isEmpty();
    }

    @Test
    void knownGoodIsRefusedWhileTheRolloutIsStillInProgress() throws InterruptedException {
        Instant start = run.sim.clock().instant();
        Map<String, Object> deploy = ops.ecsDeploy(Map.of("image", "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0", "wait", false));
        String revision = String.valueOf(deploy.get("to"));
        run.sim.sleeper().sleep(Duration.ofSeconds(15));

        assertThatThrownBy(() -> ops.markKnownGood(Map.of("revision", revision, "requireHealthy", true,
                "baselineTime", start.toString())))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("not marked known-good").hasMessageContaining("rollout is not completed");
        assertThat(run.sim.tagsOf(run.sim.currentRevision().revision())).doesNotContainKey("tdev:known-good");

        run.sim.sleeper().sleep(Duration.ofMinutes(10));
        Map<String, Object> marked = ops.markKnownGood(Map.of("revision", revision, "requireHealthy", true,
                "baselineTime", start.toString()));
        assertThat(marked.get("status")).isEqualTo("COMPLETED");
        assertThat(String.valueOf(marked.get("message"))).contains("HEALTHY");
    }

    @Test
    void knownGoodIsRefusedForARevisionTheServiceDoesNotRun() {
        assertThatThrownBy(() -> ops.markKnownGood(Map.of("revision", "41", "requireHealthy", true)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("runs");
    }

    @Test
    void markingARevisionThatAlreadyHasTheTagIsUnchanged() {
        Map<String, String> before = run.sim.tagsOf(42);
        assertThat(before).containsKey("tdev:known-good");

        Map<String, Object> again = ops.markKnownGood(Map.of("revision", "42"));

        assertThat(again.get("status")).isEqualTo("UNCHANGED");
        assertThat((List<?>) again.get("actions")).isEmpty();
        assertThat(run.sim.tagsOf(42)).isEqualTo(before);
    }

    @Test
    void aWaiverWithoutWhoApprovedItIsInvalidInput() {
        assertThatThrownBy(() -> ops.preDeployChecklist(Map.of("waive", Map.of("image-scan", "not reachable"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("waivedBy"));
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void aDryRunChecklistSaysItWouldPassWhenEveryItemWouldPass(@TempDir Path reports) throws IOException {
        Files.writeString(reports.resolve("TEST-a.xml"), "<testsuite name=\"a\" tests=\"1\" failures=\"0\""
                + " errors=\"0\" skipped=\"0\"><testcase name=\"t\" classname=\"a\"/></testsuite>");
        Map<String, Object> plan = ops.preDeployChecklist(Map.of("image", "t-developer-backend-production:2.1.0",
                "testReports", reports.toString(), "dryRun", true));

        assertThat(plan.get("wouldPass")).as(String.valueOf(plan.get("items"))).isEqualTo(true);
        assertThat(plan.get("passed")).isEqualTo(false);
        assertThat(plan.get("items").toString()).contains("team-notified").contains("PLANNED");
        assertThat(run.sim.notifications()).isEmpty();
    }
}
