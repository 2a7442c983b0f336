package io.tdev.ops.health;

import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.change.Rollback;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackResult;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.sim.SimBuilder;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A health check describes the environment it was asked about (issue 9, second group). */
class HealthScopeTest {
    private static final java.time.Instant HOUR_AGO = SimBuilder.DEFAULT_START.minus(Duration.ofHours(1));

    private static HealthSignal signal(HealthResult r, String name) {
        return r.signals().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static SimRun withStagingAlarmFiring(EnvironmentConfig production) {
        return new SimRun(SimEnvironment.builder(production)
                .alarm("t-developer-staging-alb-5xx", AlarmState.ALARM, HOUR_AGO).build());
    }

    @Test
    void aProductionCheckDoesNotCountStagingsAlarms() {
        SimRun run = withStagingAlarmFiring(TestConfigs.production());

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());
        ChecklistItem monitoring = ChecklistUseCase.over(run.ctx).run(new ChecklistRequest(null, null, null, false, null, null, null,
                List.of(), false, null, true, null)).items().stream()
                .filter(i -> i.name().equals("monitoring")).findFirst().orElseThrow();

        assertThat(signal(r, "alarms").status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(signal(r, "alarms").evidence()).doesNotContain("staging");
        assertThat(signal(r, "alarms").threshold()).contains("t-developer-production");
        assertThat(r.status()).isEqualTo(Verdict.HEALTHY);
        assertThat(monitoring.evidence()).contains("t-developer-production").doesNotContain("1 in ALARM");
    }

    @Test
    void theRunbooksWiderPrefixStaysAvailableByConfig() {
        EnvironmentConfig wide = TestConfigs.production().withAlarmPrefix("t-developer");
        SimRun run = withStagingAlarmFiring(wide);

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        assertThat(signal(r, "alarms").status()).isEqualTo(SignalStatus.UNHEALTHY);
        assertThat(signal(r, "alarms").evidence()).contains("t-developer-staging-alb-5xx");
    }

    @Test
    void aServiceWithoutATargetGroupHasTargetHealthNotApplicableAndCanBeHealthy() {
        SimRun run = new SimRun(SimEnvironment.builder(TestConfigs.production()).noLoadBalancer().build());

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        assertThat(signal(r, "target-health").status()).isEqualTo(SignalStatus.NOT_APPLICABLE);
        assertThat(signal(r, "target-health").value()).contains("not applicable");
        assertThat(r.status()).isEqualTo(Verdict.HEALTHY);
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void aSecondIdenticalRollbackAfterAFailedOneIsNotUnchangedWithAFailedStability() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.circuitBreaker(false);
        run.sim.markImageBad(run.sim.taskDefinition(41).containers().get(0).image());
        RollbackRequest request = RollbackRequest.of("41", "drill", true, null, false, false);

        RollbackResult first = new Rollback(run.ctx).run(request);
        RollbackResult second = new Rollback(run.ctx).run(request);

        assertThat(first.status()).isEqualTo(ChangeStatus.FAILED);
        // the service "runs" 41 on paper, but its rollout failed: that is no reason to say nothing needs doing
        assertThat(second.stability()).isNotNull();
        if (second.status() == ChangeStatus.UNCHANGED) {
            assertThat(second.stability().failed()).as(second.stability().message()).isFalse();
        }
        assertThat(second.status()).as(second.message()).isIn(ChangeStatus.FAILED, ChangeStatus.TIMED_OUT);
    }

    @Test
    void aSecondIdenticalRollbackAfterACompletedOneIsUnchangedAndStable() {
        SimRun run = SimRun.scenario("bad-deploy");
        RollbackRequest request = RollbackRequest.of("42", "5xx", true, null, true, false);

        new Rollback(run.ctx).run(request);
        RollbackResult second = new Rollback(run.ctx).run(request);

        assertThat(second.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(second.stability().failed()).isFalse();
        assertThat(second.stability().stable()).isTrue();
    }

    @Test
    void missingCredentialsAreSaidOnceNotOncePerSignal() {
        String sentence = "no AWS credentials found: give --profile or --role-arn, set AWS_PROFILE or"
                + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an instance/task role";
        List<HealthSignal> signals = List.of(
                HealthSignal.unknown("ecs-service", "could not read: ecs:DescribeServices: " + sentence, false),
                HealthSignal.unknown("alarms", "could not read: cloudwatch:DescribeAlarms: " + sentence, false),
                HealthSignal.unknown("error-logs", "could not read: logs:FilterLogEvents: " + sentence, false),
                HealthSignal.unknown("cpu", "not read within 20s (timed out)", false));
        List<String> reasons = new java.util.ArrayList<>();

        Verdict verdict = HealthCheck.verdict(signals, reasons);

        assertThat(verdict).isEqualTo(Verdict.UNKNOWN);
        assertThat(String.join("\n", reasons).split("no AWS credentials found", -1)).hasSize(2);
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("ecs-service, alarms, error-logs"))
                .anySatisfy(r -> assertThat(r).contains("cpu UNKNOWN"));
    }
}
