package io.tdev.ops.health;

import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimBuilder;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthCheckScenarioTest {
    private static Map<String, HealthSignal> byName(HealthResult r) {
        return r.signals().stream().collect(Collectors.toMap(HealthSignal::name, Function.identity()));
    }

    @Test
    void aHealthyServiceIsHealthyWithEverySignalReadAndTheInformationalOnesInfo() {
        SimRun run = SimRun.scenario("healthy");

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        assertThat(r.status()).isEqualTo(Verdict.HEALTHY);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.signals()).extracting(HealthSignal::name).containsExactlyElementsOf(HealthCheck.SIGNALS);
        Map<String, HealthSignal> s = byName(r);
        assertThat(s.get("ecs-service").value()).startsWith("running 3/3");
        assertThat(s.get("target-health").value()).isEqualTo("3/3 healthy");
        assertThat(s.get("s3-usage").status()).isEqualTo(SignalStatus.INFO);
        assertThat(s.get("projects-yesterday").status()).isEqualTo(SignalStatus.INFO);
        assertThat(s.get("projects-yesterday").evidence()).contains("[2026-11-25T00:00:00Z, 2026-11-26T00:00:00Z)");
        assertThat(r.signals()).noneMatch(x -> x.status() == SignalStatus.UNKNOWN);
        assertThat(r.checkedAt()).isEqualTo(run.sim.now());
    }

    @Test
    void theEcsAndTargetHealthSignalsShareOneReadOfTheService() {
        SimRun run = SimRun.scenario("healthy");
        int before = run.sim.calls(Api.DESCRIBE_SERVICES);

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        assertThat(byName(r).get("target-health").value()).isEqualTo("3/3 healthy");
        assertThat(run.sim.calls(Api.DESCRIBE_SERVICES) - before).isEqualTo(1);
    }

    @Test
    void aFailingDeployIsUnhealthyWithAlarmsErrorPatternsAndUnhealthyTargetsAsEvidence() {
        SimRun run = SimRun.scenario("bad-deploy");

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        assertThat(r.status()).isEqualTo(Verdict.UNHEALTHY);
        Map<String, HealthSignal> s = byName(r);
        assertThat(s.get("alarms").status()).isEqualTo(SignalStatus.UNHEALTHY);
        assertThat(s.get("alarms").evidence()).contains("alb-5xx");
        assertThat(s.get("target-health").status()).isIn(SignalStatus.DEGRADED, SignalStatus.UNHEALTHY);
        assertThat(s.get("target-health").evidence()).contains("UNHEALTHY");
        assertThat(s.get("error-logs").status()).isEqualTo(SignalStatus.UNHEALTHY);
        assertThat(r.topPatterns()).isNotEmpty();
        assertThat(r.topPatterns().get(0).count()).isGreaterThan(1);
        assertThat(r.reasons()).anyMatch(x -> x.startsWith("alarms UNHEALTHY"));
    }

    @Test
    void alarmsAlreadyInAlarmBeforeTheBaselineAndIgnoredAlarmsAreNotCounted() {
        SimRun run = SimRun.scenario("alarm-storm");
        Instant baseline = SimBuilder.DEFAULT_START.minus(Duration.ofHours(1));

        HealthResult all = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("alarms")));
        HealthResult sinceBaseline = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("alarms"))
                .withBaseline(baseline).withIgnoreAlarms(Set.of("t-developer-production-redis-evictions")));

        assertThat(all.signals().get(0).value()).isEqualTo("9 in ALARM");
        HealthSignal alarms = sinceBaseline.signals().get(0);
        assertThat(alarms.value()).isEqualTo("5 in ALARM");
        assertThat(alarms.evidence()).contains("t-developer-production-dynamodb-throttles (in ALARM since 2026-11-26T06:00:00Z, before the baseline)")
                .contains("t-developer-production-redis-evictions (ignored)");
        assertThat(alarms.evidence().split("not counted:")[0]).doesNotContain("dynamodb-throttles");
        assertThat(sinceBaseline.baselineTime()).isEqualTo(baseline);
    }

    @Test
    void onlyAlarmsBeforeTheBaselineLeaveTheServiceHealthy() {
        SimRun run = SimRun.scenario("alarm-storm");
        // the deploy started a minute after the storm began (a baseline can only lie in the check's past)
        run.sim.advance(Duration.ofMinutes(2));

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults()
                .withBaseline(SimBuilder.DEFAULT_START.plus(Duration.ofMinutes(1))));

        assertThat(byName(r).get("alarms").status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(r.status()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void throttledReadsAreRetriedWithBackoffAndThenSucceed() {
        SimRun run = SimRun.scenario("throttled");
        Instant before = run.sim.now();

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        assertThat(r.status()).isEqualTo(Verdict.HEALTHY);
        assertThat(run.sim.calls(Api.DESCRIBE_ALARMS)).isEqualTo(3);
        assertThat(run.sim.calls(Api.FILTER_LOG_EVENTS)).isEqualTo(3);
        assertThat(run.sim.calls(Api.DESCRIBE_TARGET_HEALTH)).isEqualTo(3);
        // the backoff slept on virtual time
        assertThat(run.sim.now()).isAfter(before);
    }

    @Test
    void throttlingThatOutlastsTheRetriesMakesThatSignalUnknownAndTheVerdictUnknown() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().throttle(Api.DESCRIBE_ALARMS, 10);

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        HealthSignal alarms = byName(r).get("alarms");
        assertThat(alarms.status()).isEqualTo(SignalStatus.UNKNOWN);
        assertThat(alarms.evidence()).contains("throttled").contains("gave up after 4 attempts");
        assertThat(run.sim.calls(Api.DESCRIBE_ALARMS)).isEqualTo(4);
        assertThat(r.status()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.reasons()).anyMatch(x -> x.startsWith("alarms UNKNOWN"));
    }

    @Test
    void aSignalThatHangsPastItsTimeoutIsUnknownWhileTheOthersAreStillRead() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().hang(Api.GET_METRIC_DATA);

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignalTimeout(Duration.ofMillis(300)));

        Map<String, HealthSignal> s = byName(r);
        assertThat(s.get("cpu").status()).isEqualTo(SignalStatus.UNKNOWN);
        assertThat(s.get("memory").status()).isEqualTo(SignalStatus.UNKNOWN);
        // cpu and memory share one GetMetricData: whichever signal started it times out, the other sees it cancelled
        assertThat(List.of(s.get("cpu").evidence(), s.get("memory").evidence()))
                .anyMatch(e -> e.contains("not read within 300ms"));
        assertThat(s.get("ecs-service").status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(s.get("alarms").status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(s.get("error-logs").status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(r.status()).isEqualTo(Verdict.UNKNOWN);
        run.sim.faults().clearAll();
    }

    @Test
    void anUnreadableInformationalSignalNeverChangesTheVerdict() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().fail(Api.DESCRIBE_TABLE, 1);

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());

        HealthSignal s3 = byName(r).get("projects-yesterday");
        assertThat(s3.status()).isEqualTo(SignalStatus.UNKNOWN);
        assertThat(s3.informational()).isTrue();
        assertThat(r.status()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void aDeploymentStillRollingIsDegraded() {
        HealthResult r = new HealthCheck(SimRun.scenario("deployment-in-progress").ctx).run(HealthOptions.defaults());

        assertThat(r.status()).isEqualTo(Verdict.DEGRADED);
        assertThat(byName(r).get("ecs-service").status()).isEqualTo(SignalStatus.DEGRADED);
    }

    @Test
    void onlyTheAskedSignalsAreReadAndUnknownNamesAreListed() {
        SimRun run = SimRun.scenario("healthy");

        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("ecs-service", "cpu")));

        assertThat(r.signals()).extracting(HealthSignal::name).containsExactly("ecs-service", "cpu");
        assertThat(run.sim.calls(Api.DESCRIBE_ALARMS)).isZero();
        assertThatThrownBy(() -> new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("disk"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("signals: got 'disk'").hasMessageContaining("target-health");
    }

    @Test
    void informationalSignalsAloneGiveNoVerdict() {
        HealthResult r = new HealthCheck(SimRun.scenario("healthy").ctx)
                .run(HealthOptions.defaults().withSignals(List.of("s3-usage")));

        assertThat(r.status()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.reasons()).containsExactly("no signal that decides health was read");
    }
}
