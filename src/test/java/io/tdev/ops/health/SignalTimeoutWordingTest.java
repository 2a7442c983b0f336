package io.tdev.ops.health;

import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.sim.Api;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A signal not read in time says so in one wording, whether it started the read or waited for one another started. */
class SignalTimeoutWordingTest {
    private static Map<String, HealthSignal> byName(HealthResult r) {
        return r.signals().stream().collect(Collectors.toMap(HealthSignal::name, Function.identity()));
    }

    @Test
    void signalsSharingOneHungGetMetricDataAllSayNotReadWithinTheTimeout() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().hang(Api.GET_METRIC_DATA);
        try {
            HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults()
                    .withSignals(List.of("cpu", "memory", "s3-usage", "alarms"))
                    .withSignalTimeout(Duration.ofMillis(300)));

            Map<String, HealthSignal> s = byName(r);
            for (String name : List.of("cpu", "memory", "s3-usage")) {
                assertThat(s.get(name).status()).as(name).isEqualTo(SignalStatus.UNKNOWN);
                assertThat(s.get(name).evidence()).as(name).isEqualTo("not read within 300ms (timed out)");
            }
            assertThat(s.get("alarms").status()).isEqualTo(SignalStatus.HEALTHY);
            // one cause, one reason: cpu and memory are grouped, s3-usage is informational
            assertThat(r.reasons()).containsExactly("cpu, memory UNKNOWN (not read within 300ms (timed out))");
            assertThat(r.status()).isEqualTo(Verdict.UNKNOWN);
        } finally {
            run.sim.faults().clearAll();
        }
    }
}
