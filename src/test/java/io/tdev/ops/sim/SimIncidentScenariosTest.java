package io.tdev.ops.sim;

import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.TargetState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident playbooks' scenarios are what their names say, and the admin remedies end them. */
class SimIncidentScenariosTest {
    @Test
    void outageAfterDeployHasNoHealthyTargetOnTheNewRevisionAndARollbackEndsIt() {
        SimEnvironment sim = SimEnvironment.scenario("outage-after-deploy", SimConfigs.production());

        assertThat(sim.currentRevision().revision()).isEqualTo(43);
        assertThat(sim.deployments()).hasSize(1);
        assertThat(sim.targets()).noneMatch(t -> t.state() == TargetState.HEALTHY);
        assertThat(sim.deployments().get(0).createdAt()).isEqualTo(sim.now().minus(Duration.ofMinutes(40)));

        sim.ports().ecs().updateService(sim.config().serviceRef(), sim.revision(42));
        sim.advance(Duration.ofMinutes(5));
        assertThat(sim.targets()).filteredOn(t -> t.state() == TargetState.HEALTHY).hasSize(3);
    }

    @Test
    void trafficSpikeIsFourTimesTheUsualRequestRateWithoutADeploy() {
        SimEnvironment sim = SimEnvironment.scenario("traffic-spike", SimConfigs.production());
        Instant now = sim.now();
        MetricQuery requests = new MetricQuery("r", "AWS/ApplicationELB", "RequestCount", Map.of(), "Sum", Duration.ofMinutes(10));

        double recent = sim.ports().metrics().query(List.of(requests), now.minus(Duration.ofMinutes(10)), now).get(0)
                .points().stream().mapToDouble(p -> p.value()).sum();
        Instant dayBefore = now.minus(Duration.ofDays(1));
        double usual = sim.ports().metrics().query(List.of(requests), dayBefore.minus(Duration.ofMinutes(10)), dayBefore)
                .get(0).points().stream().mapToDouble(p -> p.value()).sum();

        assertThat(recent / usual).isGreaterThan(3);
        assertThat(sim.desiredCount()).isEqualTo(4);
        assertThat(sim.currentRevision().revision()).isEqualTo(42);
        assertThat(sim.deployments()).hasSize(1);
    }

    @Test
    void aStaleCacheSlowsEveryAgentUntilCleared() {
        SimEnvironment sim = SimEnvironment.scenario("cache-degraded", SimConfigs.production());
        assertThat(meanSeconds(sim, "generation", sim.now().minus(Duration.ofHours(1)), sim.now())).isGreaterThan(20);

        sim.ports().admin().clearCache();
        Instant cleared = sim.now();
        sim.advance(Duration.ofMinutes(30));

        assertThat(sim.cacheStale()).isFalse();
        assertThat(meanSeconds(sim, "generation", cleared, sim.now())).isLessThan(10);
        assertThat(sim.calls(Api.ADMIN_CLEAR_CACHE)).isEqualTo(1);
        assertThat(sim.calls(Api.GET_SECRET_VALUE)).isEqualTo(1);
    }

    @Test
    void aFailingAgentLogsTimeoutsSinceItBrokeUntilRestarted() {
        SimEnvironment sim = SimEnvironment.scenario("failing-agent", SimConfigs.production());
        Instant since = sim.now().minus(Duration.ofMinutes(25));

        List<LogEvent> before = sim.logEvents(sim.now().minus(Duration.ofHours(2)), since);
        List<LogEvent> after = sim.logEvents(since, sim.now());
        assertThat(before).noneMatch(e -> e.message().startsWith("ERROR agent=search-agent"));
        assertThat(after).filteredOn(e -> e.message().startsWith("ERROR agent=search-agent")).hasSizeGreaterThan(3);

        sim.ports().admin().restartAgent("search");
        Instant restarted = sim.now();
        sim.advance(Duration.ofMinutes(20));
        assertThat(sim.logEvents(restarted, sim.now())).noneMatch(e -> e.message().startsWith("ERROR agent=search-agent"));
        assertThat(sim.restartedAgents()).containsExactly("search");
    }

    private static double meanSeconds(SimEnvironment sim, String agent, Instant from, Instant to) {
        return sim.logEvents(from, to).stream().map(LogEvent::message)
                .filter(m -> m.contains("agent=" + agent + "-agent execution_time="))
                .mapToDouble(m -> Double.parseDouble(m.replaceAll(".*execution_time=([0-9.]+)s.*", "$1")))
                .average().orElseThrow();
    }
}
