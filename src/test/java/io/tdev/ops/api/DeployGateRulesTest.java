package io.tdev.ops.api;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.DeployUseCase;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodResult;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.api.health.HealthUseCase;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy gate's rules at the typed use cases, on the simulated environment (issue 9, first group). */
class DeployGateRulesTest {
    private final SimRun run = SimRun.scenario("healthy");

    private HealthResult health(Instant baseline) {
        return HealthUseCase.over(run.ctx).run(new HealthRequest(baseline, Set.of(), null, List.of(), null));
    }

    private MarkKnownGoodResult mark(String revision, boolean requireHealthy, Instant baseline) {
        return MarkKnownGoodUseCase.over(run.ctx).run(MarkKnownGoodRequest.of(revision, false, requireHealthy, baseline,
                Set.of()));
    }

    @Test
    void aBaselineLaterThanTheCheckItselfIsInvalidInput() {
        Instant future = run.sim.clock().instant().plus(Duration.ofMinutes(5));

        assertThatThrownBy(() -> health(future))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("baselineTime").hasMessageContaining(future.toString());
        assertThatThrownBy(() -> health(Instant.parse("2030-01-01T00:00:00Z")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("later than");
    }

    @Test
    void aBaselineOlderThanADayIsAllowedButSaidInTheResult() {
        Instant now = run.sim.clock().instant();
        HealthResult old = health(now.minus(Duration.ofDays(3)));
        HealthResult recent = health(now.minus(Duration.ofHours(1)));

        assertThat(old.notes().toString()).contains("the baseline").contains("72h");
        assertThat(recent.notes()).isEmpty();
    }

    @Test
    void knownGoodIsRefusedWhileTheRolloutIsStillInProgress() throws InterruptedException {
        Instant start = run.sim.clock().instant();
        DeployResult deploy = DeployUseCase.over(run.ctx).run(new DeployRequest("123456789012.dkr.ecr.ap-northeast-2"
                + ".amazonaws.com/t-developer-backend-production:2.1.0", null, false, null, false));
        String revision = deploy.to().toString();
        run.sim.sleeper().sleep(Duration.ofSeconds(15));

        assertThatThrownBy(() -> mark(revision, true, start))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("not marked known-good").hasMessageContaining("rollout is not completed");
        assertThat(run.sim.tagsOf(run.sim.currentRevision().revision())).doesNotContainKey("tdev:known-good");

        run.sim.sleeper().sleep(Duration.ofMinutes(10));
        MarkKnownGoodResult marked = mark(revision, true, start);
        assertThat(marked.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(marked.message()).contains("HEALTHY");
    }

    @Test
    void knownGoodIsRefusedForARevisionTheServiceDoesNotRun() {
        assertThatThrownBy(() -> mark("41", true, null))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("runs");
    }

    @Test
    void markingARevisionThatAlreadyHasTheTagIsUnchanged() {
        Map<String, String> before = run.sim.tagsOf(42);
        assertThat(before).containsKey("tdev:known-good");

        MarkKnownGoodResult again = mark("42", false, null);

        assertThat(again.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(again.actions()).isEmpty();
        assertThat(run.sim.tagsOf(42)).isEqualTo(before);
    }

    @Test
    void aWaiverWithoutWhoApprovedItIsInvalidInput() {
        assertThatThrownBy(() -> ChecklistUseCase.over(run.ctx).run(new ChecklistRequest(null, null, null, false, null,
                Map.of("image-scan", "not reachable"), null, List.of(), true, null, false, null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("waivedBy"));
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void aDryRunChecklistSaysItWouldPassWhenEveryItemWouldPass(@TempDir Path reports) throws IOException {
        Files.writeString(reports.resolve("TEST-a.xml"), "<testsuite name=\"a\" tests=\"1\" failures=\"0\""
                + " errors=\"0\" skipped=\"0\"><testcase name=\"t\" classname=\"a\"/></testsuite>");
        Map<String, Object> plan = PlainValues.map(ChecklistUseCase.over(run.ctx).run(new ChecklistRequest(
                "t-developer-backend-production:2.1.0", reports.toString(), null, false, null, Map.of(), null, List.of(),
                true, null, true, null)));

        assertThat(plan.get("wouldPass")).as(String.valueOf(plan.get("items"))).isEqualTo(true);
        assertThat(plan.get("passed")).isEqualTo(false);
        assertThat(plan.get("items").toString()).contains("team-notified").contains("PLANNED");
        assertThat(run.sim.notifications()).isEmpty();
    }
}
