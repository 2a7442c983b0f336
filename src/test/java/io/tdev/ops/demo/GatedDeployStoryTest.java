package io.tdev.ops.demo;

import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodResult;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.Stability;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.health.Verdict;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.demo.DemoScenario.Outcome;
import io.tdev.ops.api.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The story's decisions over scripted use cases: what it rolls back on, and when it says "not as designed". */
class GatedDeployStoryTest {
    @TempDir
    Path reports;

    private final EnvironmentConfig config = ConfigLoader.builtIn("production");
    private final MutableClock clock = new MutableClock();
    private final Sleeper sleeper = clock::advance;
    private static final ServiceRef SERVICE = new ServiceRef("t-developer-cluster-production", "t-developer-service-production");
    private static final TaskDefinitionRef T6 = new TaskDefinitionRef("t", 6);
    private static final TaskDefinitionRef T7 = new TaskDefinitionRef("t", 7);
    private static final String IMAGE = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:";

    /** Health answers by check number; everything else answers as a healthy world does. */
    private final class ScriptedOps implements DeploySteps {
        final List<String> calls = new ArrayList<>();
        final List<HealthRequest> healthRequests = new ArrayList<>();
        private final List<String> verdicts;
        private final boolean checklistPasses;

        ScriptedOps(boolean checklistPasses, String... verdicts) {
            this.checklistPasses = checklistPasses;
            this.verdicts = List.of(verdicts);
        }

        @Override
        public HealthResult health(HealthRequest request) {
            calls.add("healthCheck");
            healthRequests.add(request);
            String status = verdicts.get(Math.min(healthRequests.size() - 1, verdicts.size() - 1));
            HealthSignal alarms = new HealthSignal("alarms", SignalStatus.valueOf(status),
                    status.equals("HEALTHY") ? "0" : "1 in ALARM", "0", "t-developer-5xx-production", false);
            return HealthResult.of(SERVICE, "production", Verdict.valueOf(status), List.of(), List.of(alarms),
                    List.of(), clock.instant(), request.baselineTime(), List.of(), List.of(), null);
        }

        @Override
        public ChecklistResult checklist(ChecklistRequest request) {
            calls.add("preDeployChecklist");
            ChecklistItem tests = checklistPasses ? ChecklistItem.pass("tests-passed", "3 tests")
                    : ChecklistItem.fail("tests-passed", "3 tests, 1 failed");
            return ChecklistResult.of("production", SERVICE.service(), request.image(), checklistPasses, null,
                    List.of(tests), clock.instant(), List.of());
        }

        @Override
        public DeployResult deploy(DeployRequest request) {
            calls.add("ecsDeploy wait=" + request.waitForStable());
            return DeployResult.of(T6, T7, "t-developer-backend", request.image(), ChangeStatus.STARTED, "ecs-svc/1",
                    "started", null, null, List.of(new Action("update service", SERVICE.toString(), "t:6", "t:7",
                            clock.instant(), false)));
        }

        @Override
        public PendingChange pending(ChangeResult started) {
            return PendingChange.of(started, "production", SERVICE, clock.instant(),
                    clock.instant().plus(Duration.ofMinutes(15)), null);
        }

        @Override
        public Stability look(PendingChange change) {
            return new Stability(false, false, false, "rolling", T7, T6, RolloutState.IN_PROGRESS, 2, 2, 1, false);
        }

        @Override
        public MarkKnownGoodResult markKnownGood(MarkKnownGoodRequest request) {
            calls.add("markKnownGood " + request.revision());
            return MarkKnownGoodResult.of(T7, "tdev:known-good", "now by demo", ChangeStatus.COMPLETED, "tagged t:7",
                    List.of());
        }

        @Override
        public RollbackResult rollback(RollbackRequest request) {
            calls.add("rollback " + request.target());
            return RollbackResult.of(T7, T6, request.target().text(), "tagged", ChangeStatus.COMPLETED,
                    request.reason(), "demo", "rolled back", null, "msg-1", null, null, List.of());
        }
    }

    private DemoReport tell(ScriptedOps ops, DemoScenario scenario) throws InterruptedException {
        return new GatedDeployStory(ops, config, clock, sleeper).run(scenario, IMAGE + scenario.imageTag(), reports);
    }

    @Test
    void unhealthyDuringTheBakeRollsBackToLastKnownGoodAndEndsHealthy() throws InterruptedException {
        ScriptedOps ops = new ScriptedOps(true, "HEALTHY", "HEALTHY", "UNHEALTHY", "HEALTHY");

        DemoReport report = tell(ops, DemoScenario.bad);

        assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(report.asDesigned()).isTrue();
        assertThat(ops.calls).contains("rollback last-known-good").doesNotContain("markKnownGood t:7");
        assertThat(report.text()).contains("alarms UNHEALTHY: 1 in ALARM (threshold 0)").contains("msg-1");
    }

    @Test
    void bakeHealthChecksCountOnlyAlarmsRaisedAfterTheDeployStarted() throws InterruptedException {
        Instant deployStart = clock.instant();
        ScriptedOps ops = new ScriptedOps(true, "HEALTHY");

        tell(ops, DemoScenario.good);

        assertThat(ops.healthRequests.get(0).baselineTime()).isNull();
        assertThat(ops.healthRequests.subList(1, ops.healthRequests.size()))
                .allSatisfy(request -> assertThat(request.baselineTime()).isEqualTo(deployStart));
    }

    @Test
    void aBakeWithoutUnhealthyChecksMarksTheRevisionKnownGoodAfterBakeMinutes() throws InterruptedException {
        Instant start = clock.instant();
        ScriptedOps ops = new ScriptedOps(true, "HEALTHY", "DEGRADED", "HEALTHY");

        DemoReport report = tell(ops, DemoScenario.good);

        assertThat(report.outcome()).isEqualTo(Outcome.MARKED_KNOWN_GOOD);
        assertThat(ops.calls).contains("markKnownGood t:7").noneMatch(c -> c.startsWith("rollback"));
        int expectedChecks = config.deploy().bakeMinutes() * 60 / config.deploy().pollSeconds();
        assertThat(ops.healthRequests).hasSize(1 + expectedChecks);
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMinutes(config.deploy().bakeMinutes()));
    }

    @Test
    void aBadReleaseThatTheBakeDoesNotCatchIsNotAsDesigned() throws InterruptedException {
        DemoReport report = tell(new ScriptedOps(true, "HEALTHY"), DemoScenario.bad);

        assertThat(report.outcome()).isEqualTo(Outcome.MARKED_KNOWN_GOOD);
        assertThat(report.asDesigned()).isFalse();
        assertThat(report.text()).contains("NOT as designed");
    }

    @Test
    void aFailedChecklistStopsBeforeTheDeploy() throws InterruptedException {
        ScriptedOps ops = new ScriptedOps(false, "HEALTHY");

        DemoReport report = tell(ops, DemoScenario.good);

        assertThat(report.outcome()).isEqualTo(Outcome.GATE_FAILED);
        assertThat(ops.calls).noneMatch(c -> c.startsWith("ecsDeploy"));
        assertThat(report.decisions()).anySatisfy(d -> assertThat(d.get("why").toString()).contains("tests-passed"));
    }

    @Test
    void theDeployDoesNotWaitSoTheBakeWatchesTheRollout() throws InterruptedException {
        ScriptedOps ops = new ScriptedOps(true, "HEALTHY");

        tell(ops, DemoScenario.good);

        assertThat(ops.calls).anySatisfy(c -> assertThat(c).isEqualTo("ecsDeploy wait=false"));
    }

    @Test
    void markdownHasTheTimelineAndTheDecisionRecordAsTables() throws InterruptedException {
        DemoReport report = tell(new ScriptedOps(true, "HEALTHY", "UNHEALTHY", "HEALTHY"), DemoScenario.bad);

        assertThat(report.markdown()).contains("| at | elapsed | step | detail |")
                .contains("| at | elapsed | decision | why |").contains("roll back to last-known-good");
    }

    /** A clock the sleeper moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
