package io.tdev.ops.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportResult.Incident;
import io.tdev.ops.api.weekly.WeeklyReportResult.IncidentKind;
import io.tdev.ops.api.weekly.WeeklyReportResult.SloStatus;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.api.Progress;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly report over the simulated environment's metric history. */
class WeeklyReportTest {

    private static WeeklyReportResult report(SimEnvironment sim, WeeklyReportRequest request) {
        return WeeklyReportUseCase.over(new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(),
                Progress.NONE, "alice")).run(request);
    }

    @Test
    void aQuietWeekMeetsEverySloAndHasTheDailyShapeOfWeekends() {
        WeeklyReportResult r = report(SimEnvironment.scenario("healthy", TestConfigs.production()), WeeklyReportRequest.lastWeek());

        assertThat(r.ok()).isTrue();
        assertThat(r.slos()).allMatch(s -> s.status() == SloStatus.MET);
        assertThat(r.availability().source()).isEqualTo(WeekReader.AVAILABILITY_FROM_REQUESTS);
        var daily = r.generations().daily();
        assertThat(daily.get(5).success()).as("Saturday is quieter than Friday").isLessThan(daily.get(4).success() * 3 / 4);
        assertThat(r.generations().success()).isEqualTo(daily.stream().mapToLong(d -> d.success()).sum());
    }

    @Test
    void theBadWednesdayMissesAvailabilityP95AndErrorRateButNotCpu() {
        WeeklyReportResult r = report(SimEnvironment.scenario("slo-missed", TestConfigs.production()), WeeklyReportRequest.lastWeek());

        assertThat(r.ok()).isFalse();
        assertThat(r.slo("availability").status()).isEqualTo(SloStatus.MISSED);
        assertThat(r.slo("pipeline-p95").status()).isEqualTo(SloStatus.MISSED);
        assertThat(r.slo("error-rate").status()).isEqualTo(SloStatus.MISSED);
        assertThat(r.slo("cpu").status()).isEqualTo(SloStatus.MET);
        assertThat(r.slo("error-rate").delta()).isPositive();
        var wednesday = r.generations().daily().get(2);
        assertThat(wednesday.date()).isEqualTo(LocalDate.parse("2026-11-18"));
        assertThat(wednesday.failure()).isGreaterThan(1000);
        assertThat(r.previousWeek().generations().errorRatePercent()).isLessThan(1);
        assertThat(r.markdown()).contains("3 of 5 SLOs not met");
    }

    @Test
    void theWeekFollowsTheConfiguredTimeZone() {
        EnvironmentConfig seoul = TestConfigs.production().withSchedule(new EnvironmentConfig.Schedule("Asia/Seoul",
                TestConfigs.production().schedule().weekly(), TestConfigs.production().schedule().maintenance()));
        WeeklyReportResult r = report(SimEnvironment.scenario("healthy", seoul), WeeklyReportRequest.lastWeek());

        assertThat(r.timeZone()).isEqualTo("Asia/Seoul");
        assertThat(r.to()).isEqualTo(LocalDate.parse("2026-11-22"));
    }

    @Test
    void withoutALoadBalancerAvailabilityIsNoDataAndNotMet() {
        EnvironmentConfig other = TestConfigs.production().withTargetGroupArns(List.of(
                "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/other/0000000000000000"));
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        WeeklyReportResult missing = WeeklyReportUseCase.over(new OpsContext(other, sim.ports(), sim.clock(),
                sim.sleeper(), Progress.NONE, "alice")).run(WeeklyReportRequest.lastWeek());
        assertThat(missing.slo("availability").status()).isEqualTo(SloStatus.NO_DATA);
        assertThat(missing.slo("availability").met()).isFalse();
        assertThat(missing.slo("availability").evidence()).startsWith("no data").contains("TargetGroupNotFound");
        assertThat(missing.ok()).isFalse();
    }

    @Test
    void aWeekBeyondCloudWatchRetentionIsInvalidInput() {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> report(sim, new WeeklyReportRequest(LocalDate.parse("2025-01-05"), false)))
                .isInstanceOf(io.tdev.ops.model.InvalidInputException.class).hasMessageContaining("455 days");
    }

    @Test
    void theBadWednesdaysAlarmsAndRollbackAreTheWeeksIncidents() {
        WeeklyReportResult r = report(SimEnvironment.scenario("slo-missed", TestConfigs.production()), WeeklyReportRequest.lastWeek());

        assertThat(r.incidents()).extracting(i -> i.kind()).containsExactly(IncidentKind.ALARM, IncidentKind.ALARM,
                IncidentKind.ALARM, IncidentKind.ROLLBACK);
        Incident alb = r.incidents().get(0);
        assertThat(alb.what()).startsWith("alarm t-developer-production-alb-5xx in ALARM for 10h");
        assertThat(alb.at()).isEqualTo(Instant.parse("2026-11-18T08:03:00Z"));
        assertThat(alb.until()).isEqualTo(Instant.parse("2026-11-18T18:03:00Z"));
        assertThat(alb.source()).isEqualTo("cloudwatch:DescribeAlarmHistory");
        Incident rollback = r.incidents().get(3);
        assertThat(rollback.what()).contains("ROLLBACK_SUCCESSFUL", "StopServiceDeployment");
        assertThat(rollback.source()).isEqualTo("ecs:ListServiceDeployments");
        assertThat(r.markdown()).contains("### Incidents", "| 2026-11-18 Wed 08:03 | 2026-11-18 Wed 18:03 | ALARM |");
    }

    @Test
    void aQuietWeekHasNoIncidentsAndSaysSo() {
        WeeklyReportResult r = report(SimEnvironment.scenario("healthy", TestConfigs.production()), WeeklyReportRequest.lastWeek());

        assertThat(r.incidents()).isEmpty();
        assertThat(r.markdown()).contains("None: no alarm of the environment went to ALARM");
    }

    @Test
    void alarmsOfOtherEnvironmentsAndOtherWeeksAreNotIncidents() {
        SimEnvironment sim = SimEnvironment.scenario("slo-missed", TestConfigs.production());

        WeeklyReportResult earlier = report(sim, WeeklyReportRequest.weekEnding("2026-11-15"));

        assertThat(earlier.incidents()).isEmpty();
        assertThat(sim.ports().alarms().history("t-developer-production", Instant.parse("2026-11-16T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z"))).filteredOn(c -> c.to() == AlarmState.ALARM).hasSize(3);
        assertThat(sim.ports().alarms().history("t-developer-staging", Instant.parse("2026-11-16T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z"))).isEmpty();
    }

    @Test
    void anAlarmNamedOtherwiseIsAnIncidentWhenItsDimensionsNameTheServiceAndNotWhenTheyNameAnother() {
        EnvironmentConfig config = TestConfigs.production();
        Instant wednesday = Instant.parse("2026-11-18T10:00:00Z");
        SimEnvironment sim = SimEnvironment.builder(config)
                .alarm("ops-backend-cpu", AlarmState.ALARM, wednesday, "AWS/ECS", "CPUUtilization",
                        java.util.Map.of("ClusterName", config.ecs().cluster(), "ServiceName", config.ecs().service()))
                .alarm("ops-batch-cpu", AlarmState.ALARM, wednesday, "AWS/ECS", "CPUUtilization",
                        java.util.Map.of("ClusterName", config.ecs().cluster(), "ServiceName", "t-developer-batch"))
                .build();

        WeeklyReportResult r = report(sim, WeeklyReportRequest.lastWeek());

        assertThat(r.incidents()).extracting(Incident::what).singleElement().asString()
                .startsWith("alarm ops-backend-cpu in ALARM");
        assertThat(sim.calls(Api.DESCRIBE_ALARMS)).isEqualTo(1);
    }

    @Test
    void anAccountAlarmWithoutDimensionsOfTheServiceIsNoIncidentAndAWeekOfOnlyOwnAlarmsReadsNoAlarmDefinitions() {
        SimEnvironment sim = SimEnvironment.scenario("slo-missed", TestConfigs.production());

        WeeklyReportResult r = report(sim, WeeklyReportRequest.lastWeek());

        assertThat(r.incidents()).extracting(Incident::what).noneMatch(w -> w.contains("billing-estimated-charges"));
        assertThat(sim.calls(Api.DESCRIBE_ALARMS)).isEqualTo(1); // billing-estimated-charges went to ALARM

        SimEnvironment quiet = SimEnvironment.scenario("slo-missed", TestConfigs.production());
        report(quiet, WeeklyReportRequest.weekEnding("2026-11-15")); // only the environment's own alarms changed
        assertThat(quiet.calls(Api.DESCRIBE_ALARMS)).isZero();
    }

    @Test
    void withNotifyTeamTheSummaryGoesToTheTopicAndIsAnAction() {
        SimEnvironment sim = SimEnvironment.scenario("slo-missed", TestConfigs.production());

        WeeklyReportResult r = report(sim, WeeklyReportRequest.weekEnding(null, true));

        assertThat(sim.notifications()).hasSize(1);
        assertThat(sim.notifications().get(0).topic()).endsWith(":" + sim.config().topic());
        assertThat(sim.notifications().get(0).subject()).isEqualTo("[production] weekly SLO report 2026-11-16..2026-11-22: missed availability, pipeline-p95, error-rate").hasSizeLessThanOrEqualTo(100);
        assertThat(sim.notifications().get(0).message()).contains("| error-rate | < 2.0 % |", "### Incidents");
        assertThat(r.actions()).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("notify");
            assertThat(a.after()).isEqualTo("message " + sim.notifications().get(0).messageId());
        });
    }

    @Test
    void withoutNotifyTeamNothingIsPublished() {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());

        WeeklyReportResult r = report(sim, WeeklyReportRequest.lastWeek());

        assertThat(sim.notifications()).isEmpty();
        assertThat(r.actions()).isEmpty();
    }

    @Test
    void aTopicThatFailsDoesNotHideTheReport() {
        SimEnvironment sim = SimEnvironment.scenario("healthy", TestConfigs.production());
        sim.faults().denyAccess(Api.PUBLISH, 5);

        WeeklyReportResult r = report(sim, WeeklyReportRequest.weekEnding(null, true));

        assertThat(r.ok()).isTrue();
        assertThat(r.actions()).isEmpty();
        assertThat(r.markdown()).contains("**Not sent** to " + sim.config().topic(), "sns:Publish");
    }

    @Test
    void throttledHistoryIsRetriedAndDeniedHistoryFailsNamingTheAction() {
        SimEnvironment sim = SimEnvironment.scenario("slo-missed", TestConfigs.production());
        sim.faults().throttle(Api.DESCRIBE_ALARM_HISTORY, 2).throttle(Api.LIST_SERVICE_DEPLOYMENTS, 2);
        assertThat(report(sim, WeeklyReportRequest.lastWeek()).incidents()).hasSize(4);

        sim.faults().denyAccess(Api.DESCRIBE_ALARM_HISTORY, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> report(sim, WeeklyReportRequest.lastWeek()))
                .hasMessageContaining("cloudwatch:DescribeAlarmHistory");
    }
}
