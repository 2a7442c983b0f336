package io.tdev.ops.health;

import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ERROR thresholds are written per {@code health.errorWindowMinutes} (60 in production: DEGRADED at 10,
 * UNHEALTHY at 50); the runbook's daily check reads 24 hours, so they scale with the window it is asked for.
 */
class ErrorWindowScenarioTest {
    private static HealthSignal errorLogs(SimRun run, Duration window) {
        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults().withErrorWindow(window));
        return r.signals().stream().filter(s -> s.name().equals(HealthCheck.ERROR_LOGS)).findFirst().orElseThrow();
    }

    private static int count(HealthSignal s) {
        return Integer.parseInt(s.value().replace("at least ", "").split(" ")[0]);
    }

    @Test
    void aNormalDayReadOverTwentyFourHoursIsHealthyAgainstThresholdsScaledByTwentyFour() {
        SimRun run = SimRun.scenario("healthy");

        HealthSignal day = errorLogs(run, Duration.ofMinutes(1440));

        // more than an hour's UNHEALTHY threshold: unscaled, an ordinary day would read as a storm
        assertThat(count(day)).isGreaterThanOrEqualTo(50).isLessThan(240);
        assertThat(day.status()).isEqualTo(SignalStatus.HEALTHY);
        assertThat(day.value()).endsWith("ERROR events in 24h");
        assertThat(day.threshold()).isEqualTo("DEGRADED at 240, UNHEALTHY at 1200 (10 / 50 per 1h"
                + " health.errorWindowMinutes, x24 for the 24h window)");
    }

    @Test
    void theConfiguredWindowAndShorterOnesKeepTheThresholdsAsWritten() {
        SimRun run = SimRun.scenario("healthy");

        assertThat(errorLogs(run, Duration.ofMinutes(60)).threshold()).isEqualTo("DEGRADED at 10, UNHEALTHY at 50");
        assertThat(errorLogs(run, Duration.ofMinutes(5)).threshold()).isEqualTo("DEGRADED at 10, UNHEALTHY at 50");
    }

    @Test
    void aBadDayIsStillNotHealthyOverTwentyFourHours() {
        // a faulty image passes health checks and fails generations: half an hour of it is a bad day
        SimRun run = SimRun.scenario("faulty-deploy");
        run.sim.advance(Duration.ofMinutes(30));

        HealthSignal day = errorLogs(run, Duration.ofMinutes(1440));

        assertThat(count(day)).isGreaterThanOrEqualTo(240);
        assertThat(day.status()).isIn(SignalStatus.DEGRADED, SignalStatus.UNHEALTHY);
    }

    @Test
    void aWindowThatIsNotAWholeMultipleScalesAndRoundsUp() {
        var health = SimRun.scenario("healthy").sim.config().health();

        ErrorThresholds t = ErrorThresholds.forWindow(health, Duration.ofMinutes(90));

        assertThat(t.degraded()).isEqualTo(15);
        assertThat(t.unhealthy()).isEqualTo(75);
        assertThat(t.description()).contains("x1.50 for the 1h30m window");
        assertThat(t.statusOf(14)).isEqualTo(SignalStatus.HEALTHY);
        assertThat(t.statusOf(15)).isEqualTo(SignalStatus.DEGRADED);
        assertThat(t.statusOf(75)).isEqualTo(SignalStatus.UNHEALTHY);
    }
}
