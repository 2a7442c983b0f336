package io.tdev.ops.fleet;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.fleet.FleetHealthRequest;
import io.tdev.ops.api.fleet.FleetHealthResult;
import io.tdev.ops.api.fleet.FleetHealthUseCase;
import io.tdev.ops.api.fleet.ServiceHealth;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimCall;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14, goal 4: many services in one run, in few calls, within each API's budget. */
class FleetHealthTest {
    private static final EnvironmentConfig CONFIG = TestConfigs.production();
    private static final String BATCH = "t-developer-batch-production";
    private static final List<String> CLUSTERS = List.of(CONFIG.ecs().cluster(), BATCH);

    private static SimEnvironment fleetOf(int n) {
        return SimEnvironment.builder(CONFIG).fleet(n, CLUSTERS).build();
    }

    /** svc-0001 ... svc-N, each named with its cluster (round-robin as the simulation places them). */
    private static List<String> names(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> CLUSTERS.get((i - 1) % 2) + "/" + String.format("svc-%04d", i))
                .toList();
    }

    private static FleetHealthResult run(SimEnvironment sim, List<String> services) {
        OpsContext ctx = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), line -> { }, "alice");
        return FleetHealthUseCase.over(ctx).run(new FleetHealthRequest(services));
    }

    private static Map<String, Long> callsSince(SimEnvironment sim, int from) {
        return sim.callLog().subList(from, sim.callLog().size()).stream()
                .collect(Collectors.groupingBy(SimCall::api, Collectors.counting()));
    }

    private static Map<String, ServiceHealth> byName(FleetHealthResult r) {
        return r.services().stream().collect(Collectors.toMap(ServiceHealth::name, Function.identity()));
    }

    @Test
    void everyServiceGetsARowAndTheFleetTheWorstVerdict() {
        SimEnvironment sim = fleetOf(50);

        FleetHealthResult r = run(sim, names(50));

        assertThat(r.services()).hasSize(50);
        assertThat(r.services()).extracting(ServiceHealth::name).first().isEqualTo("svc-0001");
        Map<String, ServiceHealth> s = byName(r);
        assertThat(s.get("svc-0001").status()).isEqualTo("HEALTHY");
        assertThat(s.get("svc-0001").reasons()).isEmpty();
        assertThat(s.get("svc-0004").status()).isEqualTo("DEGRADED");
        assertThat(s.get("svc-0004").reasons()).anyMatch(x -> x.startsWith("ecs: running"));
        assertThat(s.get("svc-0008").status()).isEqualTo("UNHEALTHY");
        assertThat(s.get("svc-0008").reasons()).anyMatch(x -> x.contains("svc-0008-5xx-high"))
                .anyMatch(x -> x.startsWith("target-health:") && x.contains("1 unhealthy"));
        assertThat(s.get("svc-0012").status()).isEqualTo("DEGRADED");
        assertThat(s.get("svc-0012").reasons()).anyMatch(x -> x.startsWith("error-logs: 30 ERROR events in 60 min"));
        assertThat(s.get("svc-0043").status()).isEqualTo("UNHEALTHY");
        assertThat(s.get("svc-0043").reasons()).anyMatch(x -> x.startsWith("target-health: 0 healthy"));
        assertThat(s.get("svc-0002").cluster()).isEqualTo(BATCH);
        assertThat(r.status()).isEqualTo("UNHEALTHY");
        assertThat(r.ok()).isFalse();
        assertThat(r.markdown()).contains("| svc-0008 | " + BATCH + " | UNHEALTHY |");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) PlainValues.of(r);
        assertThat(json).containsKeys("status", "services");
        assertThat((List<?>) json.get("services")).first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys("name", "status", "reasons");
    }

    @Test
    void anAlarmWhoseDimensionsNameAServiceIsThatServicesWhateverItsNameSays() {
        Instant hourAgo = Instant.parse("2026-01-01T00:00:00Z");
        SimEnvironment sim = SimEnvironment.builder(CONFIG).fleet(4, CLUSTERS)
                // named after svc-0001, but its dimensions watch svc-0003
                .alarm("svc-0001-cpu-high", io.tdev.ops.model.AlarmState.ALARM, hourAgo, "AWS/ECS", "CPUUtilization",
                        Map.of("ClusterName", CLUSTERS.get(0), "ServiceName", "svc-0003"))
                // svc-0001's service name in the other cluster is another service
                .alarm("batch-memory", io.tdev.ops.model.AlarmState.ALARM, hourAgo, "AWS/ECS", "MemoryUtilization",
                        Map.of("ClusterName", BATCH, "ServiceName", "svc-0001"))
                .build();

        Map<String, ServiceHealth> s = byName(run(sim, names(4)));

        assertThat(s.get("svc-0003").reasons()).anyMatch(x -> x.equals("alarms: 1 in ALARM (svc-0001-cpu-high)"));
        assertThat(s.get("svc-0001").reasons()).noneMatch(x -> x.startsWith("alarms:"));
        assertThat(s.get("svc-0002").reasons()).noneMatch(x -> x.startsWith("alarms:"));
    }

    @Test
    void anAlarmWithoutResourceDimensionsIsAServicesWhenItsNameCarriesTheServiceNameAsAWord() {
        assertThat(FleetHealth.carriesWord("svc-1-5xx-high", "svc-1")).isTrue();
        assertThat(FleetHealth.carriesWord("prod/svc-1", "svc-1")).isTrue();
        assertThat(FleetHealth.carriesWord("svc-10-5xx-high", "svc-1")).isFalse();
        assertThat(FleetHealth.carriesWord("api-gateway-5xx", "api-gate")).isFalse();
        assertThat(FleetHealth.carriesWord("my-api-gateway-5xx", "api")).isTrue();
    }

    @Test
    void aHundredServicesTakeAtMostTwentyPlusATenthOfNCalls() {
        SimEnvironment sim = fleetOf(100);
        int before = sim.callLog().size();

        run(sim, names(100));

        Map<String, Long> calls = callsSince(sim, before);
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).as("calls: %s", calls).isLessThanOrEqualTo(20 + 100 / 10);
        assertThat(calls).containsEntry(Api.DESCRIBE_SERVICES, 10L) // 50 per cluster, 10 a call
                .containsEntry(Api.DESCRIBE_ALARMS, 1L)
                .containsEntry(Api.DESCRIBE_TARGET_GROUPS, 1L)
                .containsEntry(Api.GET_METRIC_DATA, 1L)   // 4 queries a service: 400 in one call
                .containsEntry(Api.START_QUERY, 1L)       // all 100 log groups under /ecs/: one query by prefix
                .doesNotContainKey(Api.DESCRIBE_TARGET_HEALTH)
                .doesNotContainKey(Api.FILTER_LOG_EVENTS);
    }

    @Test
    void aThousandServicesStayWithinTheBudgetAndTheEcsRateLimit() {
        SimEnvironment sim = fleetOf(1000);
        int before = sim.callLog().size();
        Instant start = sim.now();

        FleetHealthResult r = run(sim, names(1000));

        Map<String, Long> calls = callsSince(sim, before);
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        assertThat(r.services()).hasSize(1000);
        // DescribeServices alone is N/10; the ERROR counts of all 1000 log groups are one query by their prefix
        assertThat(total).as("calls: %s", calls).isLessThanOrEqualTo(20 + 1000 / 10);
        assertThat(calls).containsEntry(Api.DESCRIBE_SERVICES, 100L).containsEntry(Api.GET_METRIC_DATA, 8L)
                .containsEntry(Api.DESCRIBE_TARGET_GROUPS, 3L).containsEntry(Api.START_QUERY, 1L);
        assertThat(r.services()).filteredOn(s -> s.reasons().stream().anyMatch(x -> x.startsWith("error-logs: 30 ERROR")))
                .hasSize(25); // every 40th from the 12th: each group's count found in the one query's rows
        // 100 DescribeServices at 20 a second, the first second's 20 at once: the rest waited for their tokens
        assertThat(Duration.between(start, sim.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        List<Instant> ecsAt = sim.callLog().subList(before, sim.callLog().size()).stream()
                .filter(c -> c.api().equals(Api.DESCRIBE_SERVICES)).map(SimCall::at).toList();
        // a token bucket of 20 a second with a burst of 20: call i comes no sooner than (i - 19) / 20 s after the first
        for (int i = 20; i < ecsAt.size(); i++) {
            assertThat(Duration.between(ecsAt.get(0), ecsAt.get(i))).as("DescribeServices call %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis((i - 19) * 50L - 5));
        }
    }

    @Test
    void throttlingIsBackedOffAndRetriedWithoutLosingAService() {
        SimEnvironment sim = fleetOf(20);
        sim.faults().throttle(Api.DESCRIBE_SERVICES, 2).throttle(Api.GET_METRIC_DATA, 1).throttle(Api.START_QUERY, 1);

        FleetHealthResult r = run(sim, names(20));

        assertThat(r.services()).hasSize(20).noneMatch(s -> s.status().equals("UNKNOWN"));
        assertThat(sim.callLog()).filteredOn(c -> c.outcome().contains("throttl")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aServiceEcsDoesNotKnowIsUnhealthyAndAnUnreadableSignalIsUnknown() {
        SimEnvironment sim = fleetOf(10);
        List<String> services = new ArrayList<>(names(3));
        services.add(CONFIG.ecs().cluster() + "/svc-9999");
        sim.faults().denyAccess(Api.DESCRIBE_ALARMS, 5);

        Map<String, ServiceHealth> s = byName(run(sim, services));

        assertThat(s.get("svc-9999").status()).isEqualTo("UNHEALTHY");
        assertThat(s.get("svc-9999").reasons()).anyMatch(x -> x.contains("not found") && x.contains("MISSING"));
        assertThat(s.get("svc-0001").status()).isEqualTo("UNKNOWN");
        assertThat(s.get("svc-0001").reasons()).anyMatch(x -> x.startsWith("alarms: could not read"));
    }

    @Test
    void theEnvironmentsOwnServiceIsCheckedByName() {
        SimEnvironment sim = SimEnvironment.scenario("healthy", CONFIG);

        FleetHealthResult r = run(sim, List.of(CONFIG.ecs().service()));

        assertThat(r.services()).singleElement().satisfies(row -> {
            assertThat(row.cluster()).isEqualTo(CONFIG.ecs().cluster());
            assertThat(row.status()).as("reasons %s", row.reasons()).isEqualTo("HEALTHY");
        });
    }

    @Test
    void badServiceNamesAndAnEmptyFleetAreRefusedBeforeAnyCall() {
        SimEnvironment sim = fleetOf(3);
        int before = sim.callLog().size();

        assertThatThrownBy(() -> new FleetHealthRequest(List.of("svc one"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("services").hasMessageContaining("svc one");
        assertThatThrownBy(() -> new FleetHealthRequest(List.of("a", "a"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most once");
        assertThatThrownBy(() -> run(sim, List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fleet.clusters");
        assertThat(sim.callLog()).hasSize(before);
    }

    @Test
    void theConfiguredFleetUsesEachClustersOwnThresholds() {
        EnvironmentConfig strict = withFleet(new EnvironmentConfig.FleetCluster(BATCH, List.of("svc-0002", "svc-0012"),
                "/ecs/", 99, 99, 1, 1000));
        SimEnvironment sim = SimEnvironment.builder(strict).fleet(12, CLUSTERS).build();
        OpsContext ctx = new OpsContext(strict, sim.ports(), sim.clock(), sim.sleeper(), line -> { }, "alice");

        FleetHealthResult r = FleetHealthUseCase.over(ctx).run(FleetHealthRequest.configuredFleet());

        assertThat(r.services()).extracting(ServiceHealth::name).containsExactly("svc-0002", "svc-0012");
        // 30 ERRORs an hour: DEGRADED at this cluster's 1, far from its 1000
        assertThat(byName(r).get("svc-0012").reasons()).anyMatch(x -> x.contains("(DEGRADED at 1)"));
    }

    private static EnvironmentConfig withFleet(EnvironmentConfig.FleetCluster... clusters) {
        EnvironmentConfig.FleetSettings f = CONFIG.fleet();
        return CONFIG.withFleet(new EnvironmentConfig.FleetSettings(f.rateLimits(), f.logGroupPrefix(), List.of(clusters)));
    }
}
