package io.tdev.ops.demo;

import io.tdev.ops.api.TdevOps;
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

/** The story's decisions over a scripted facade: what it rolls back on, and when it says "not as designed". */
class GatedDeployStoryTest {
    @TempDir
    Path reports;

    private final EnvironmentConfig config = ConfigLoader.builtIn("production");
    private final MutableClock clock = new MutableClock();
    private final Sleeper sleeper = clock::advance;

    /** Health answers by check number; everything else answers as a healthy world does. */
    private final class ScriptedOps implements TdevOps {
        final List<String> calls = new ArrayList<>();
        final List<Map<String, ?>> healthArgs = new ArrayList<>();
        private final List<String> verdicts;
        private final boolean checklistPasses;

        ScriptedOps(boolean checklistPasses, String... verdicts) {
            this.checklistPasses = checklistPasses;
            this.verdicts = List.of(verdicts);
        }

        @Override
        public Map<String, Object> healthCheck(Map<String, ?> args) {
            calls.add("healthCheck");
            healthArgs.add(args);
            String status = verdicts.get(Math.min(healthArgs.size() - 1, verdicts.size() - 1));
            return Map.of("status", status, "signals", List.of(
                    Map.of("name", "alarms", "status", status, "value", status.equals("HEALTHY") ? "0" : "1 in ALARM",
                            "threshold", "0")));
        }

        @Override
        public Map<String, Object> ecsDeploy(Map<String, ?> args) {
            calls.add("ecsDeploy " + args);
            return Map.of("from", "t:6", "to", "t:7", "status", "STARTED", "deploymentId", "ecs-svc/1");
        }

        @Override
        public Map<String, Object> markKnownGood(Map<String, ?> args) {
            calls.add("markKnownGood " + args.get("revision"));
            return Map.of("revision", args.get("revision"), "status", "COMPLETED");
        }

        @Override
        public Map<String, Object> rollback(Map<String, ?> args) {
            calls.add("rollback " + args.get("target"));
            return Map.of("from", "t:7", "to", "t:6", "status", "COMPLETED", "notification", "msg-1");
        }

        @Override
        public Map<String, Object> scale(Map<String, ?> args) {
            throw new AssertionError("the story does not scale");
        }

        @Override
        public Map<String, Object> preDeployChecklist(Map<String, ?> args) {
            calls.add("preDeployChecklist");
            return Map.of("passed", checklistPasses, "items", List.of(Map.of("name", "tests-passed",
                    "status", checklistPasses ? "PASS" : "FAIL", "evidence", "3 tests")));
        }

        @Override
        public Map<String, Object> stability(Map<String, ?> args) {
            return Map.of("done", false, "stable", false, "failed", false, "running", 2, "desired", 2, "pending", 1);
        }

        @Override
        public Map<String, Object> finishRollout(Map<String, ?> args) {
            throw new AssertionError("the story waits with the engine, it does not finish rollouts");
        }
    }

    private DemoReport tell(ScriptedOps ops, DemoScenario scenario) throws InterruptedException {
        return new GatedDeployStory(ops, config, clock, sleeper).run(scenario, "repo:" + scenario.imageTag(), reports);
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

        assertThat(ops.healthArgs.get(0)).isEmpty();
        assertThat(ops.healthArgs.subList(1, ops.healthArgs.size()))
                .allSatisfy(args -> assertThat(args.get("baselineTime")).isEqualTo(deployStart.toString()));
    }

    @Test
    void aBakeWithoutUnhealthyChecksMarksTheRevisionKnownGoodAfterBakeMinutes() throws InterruptedException {
        Instant start = clock.instant();
        ScriptedOps ops = new ScriptedOps(true, "HEALTHY", "DEGRADED", "HEALTHY");

        DemoReport report = tell(ops, DemoScenario.good);

        assertThat(report.outcome()).isEqualTo(Outcome.MARKED_KNOWN_GOOD);
        assertThat(ops.calls).contains("markKnownGood t:7").noneMatch(c -> c.startsWith("rollback"));
        int expectedChecks = config.deploy().bakeMinutes() * 60 / config.deploy().pollSeconds();
        assertThat(ops.healthArgs).hasSize(1 + expectedChecks);
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

        assertThat(ops.calls).anySatisfy(c -> assertThat(c).startsWith("ecsDeploy").contains("wait=false"));
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
