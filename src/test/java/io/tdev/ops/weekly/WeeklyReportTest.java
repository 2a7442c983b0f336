package io.tdev.ops.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportResult.SloStatus;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> report(sim, new WeeklyReportRequest(LocalDate.parse("2025-01-05"))))
                .isInstanceOf(io.tdev.ops.model.InvalidInputException.class).hasMessageContaining("455 days");
    }
}
