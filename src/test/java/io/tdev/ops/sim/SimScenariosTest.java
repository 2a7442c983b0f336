package io.tdev.ops.sim;

import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TargetState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimScenariosTest {

    static List<String> scenarios() {
        return SimEnvironment.scenarioNames();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenarioBuildsWithEveryPortAnswering(String name) {
        SimEnvironment env = SimEnvironment.scenario(name, SimConfigs.production());
        env.faults().clearAll();
        var p = env.ports();

        assertThat(env.clock().instant()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(p.ecs().describeService(env.config().serviceRef()).desired()).isPositive();
        assertThat(p.alarms().alarms("t-developer", Optional.empty())).isNotEmpty();
        assertThat(p.targetHealth().targetHealth(env.targetGroupArn())).isNotEmpty();
        assertThat(p.logs().filter(env.config().logGroup(), "ERROR", env.now().minus(Duration.ofHours(1)), env.now(), 100)).isNotNull();
        assertThat(p.storage().usage(env.config().bucket()).objects()).isPositive();
        assertThat(p.tables().listBackups(env.config().table().name())).isNotEmpty();
        assertThat(p.imageScans().findings(env.config().repository(), "2.0.42").status()).isEqualTo("COMPLETE");
        assertThat(p.secrets().status(env.config().secret()).currentVersionId()).isNotBlank();
        assertThat(p.securityGroups().nameContaining("t-developer")).hasSize(3);
        assertThat(p.databases().describe(env.databaseId()).status()).isEqualTo("available");
    }

    @Test
    void healthyIsSteadyOnTheKnownGoodRevision() {
        SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());

        ServiceState s = env.service();
        assertThat(s.stable()).isTrue();
        assertThat(s.taskDefinition()).isEqualTo(env.revision(42));
        assertThat(env.tagsOf(42)).containsEntry("tdev:known-good", "true");
        assertThat(s.circuitBreakerRollback()).isFalse();
        assertThat(env.targets()).hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TargetState.HEALTHY));
        assertThat(env.alarms()).filteredOn(a -> a.name().startsWith("t-developer"))
                .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlarmState.OK));
        assertThat(SimEnvironment.scenario("good", SimConfigs.production()).service()).isEqualTo(s);
    }

    @Test
    void badDeployIsFailingOnRevision43WhileTheOldTasksServe() {
        SimEnvironment env = SimEnvironment.scenario("bad-deploy", SimConfigs.production());

        ServiceState s = env.service();
        assertThat(s.taskDefinition()).isEqualTo(env.revision(43));
        assertThat(s.deploymentInProgress()).isTrue();
        assertThat(s.primaryDeployment().orElseThrow().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(env.taskDefinition(43).containers().get(0).image()).endsWith(":2.1.0-bad");
        assertThat(env.tagsOf(42)).containsKey("tdev:known-good");
        assertThat(env.targets()).extracting(t -> t.state()).contains(TargetState.UNHEALTHY, TargetState.HEALTHY);
        assertThat(env.logEvents(env.now().minus(Duration.ofMinutes(10)), env.now()))
                .filteredOn(e -> e.message().startsWith("ERROR")).hasSizeGreaterThan(10);
        assertThat(env.alarm("t-developer-production-alb-5xx").orElseThrow().state()).isEqualTo(AlarmState.ALARM);

        env.advance(Duration.ofMinutes(3));
        assertThat(env.service().primaryDeployment().orElseThrow().rolloutState()).isEqualTo(RolloutState.FAILED);
        assertThat(env.alarm("t-developer-production-error-rate").orElseThrow().state())
                .as("generations held by the crashed tasks failed").isEqualTo(AlarmState.ALARM);
        var events = env.logEvents(Instant.EPOCH, env.now());
        assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(io.tdev.ops.model.LogEvent::timestamp));
    }

    @Test
    void faultyDeployCompletesButFailsGenerations() {
        SimEnvironment env = SimEnvironment.scenario("faulty-deploy", SimConfigs.production());

        env.advanceUntil(ServiceState::stable, Duration.ofMinutes(5));
        env.advance(Duration.ofMinutes(10));

        assertThat(env.service().taskDefinition()).isEqualTo(env.revision(43));
        assertThat(env.targets()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TargetState.HEALTHY));
        assertThat(env.alarm("t-developer-production-error-rate").orElseThrow().state()).isEqualTo(AlarmState.ALARM);
        assertThat(env.logEvents(env.now().minus(Duration.ofMinutes(10)), env.now()))
                .filteredOn(e -> e.message().startsWith("ERROR")).hasSizeGreaterThan(50);
    }

    @Test
    void deploymentInProgressHasTwoDeployments() {
        SimEnvironment env = SimEnvironment.scenario("deployment-in-progress", SimConfigs.production());

        assertThat(env.deployments()).hasSize(2);
        assertThat(env.service().primaryDeployment().orElseThrow().taskDefinition()).isEqualTo(env.revision(43));
        assertThat(env.advanceUntil(ServiceState::stable, Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void circuitBreakerScenarioHasRollbackOn() {
        assertThat(SimEnvironment.scenario("circuit-breaker", SimConfigs.production()).service().circuitBreakerRollback()).isTrue();
    }

    @Test
    void anUnknownScenarioListsTheKnownOnes() {
        assertThatThrownBy(() -> SimEnvironment.scenario("sunny", SimConfigs.production()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scenario")
                .hasMessageContaining("sunny")
                .hasMessageContaining("healthy, good, bad-deploy");
        assertThat(SimEnvironment.scenarioNames()).contains("healthy", "bad-deploy", "alarm-storm", "throttled",
                "circuit-breaker", "no-known-good", "deployment-in-progress", "stale-backup", "scan-findings", "no-autoscaling");
    }

    @Test
    void theSameScenarioAndCallsGiveTheSameWorld() {
        List<Object> first = story();
        List<Object> second = story();

        assertThat(second).isEqualTo(first);
    }

    private static List<Object> story() {
        SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
        var ecs = env.ports().ecs();
        TaskDefinition base = ecs.describeTaskDefinition("t-developer-backend-production:42");
        String id = ecs.updateService(env.config().serviceRef(), ecs.registerTaskDefinition(base,
                Map.of("t-developer-backend", env.imageUri("2.1.0-bad"))));
        env.advance(Duration.ofMinutes(4));
        String message = env.ports().notifier().publish(env.topicArn(), "s", "m");
        return List.of(id, env.service(), env.logEvents(env.now().minus(Duration.ofHours(2)), env.now()), env.alarms(), message,
                env.ports().tables().createBackup(env.config().table().name(), "b-1"));
    }

    @Test
    void parallelReadsWhileTimeAdvancesAreSafe() throws Exception {
        SimEnvironment env = SimEnvironment.scenario("deployment-in-progress", SimConfigs.production());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(() -> {
                    int reads = 0;
                    for (int j = 0; j < 50; j++) {
                        env.ports().ecs().describeService(env.config().serviceRef());
                        env.ports().targetHealth().targetHealth(env.targetGroupArn());
                        env.ports().logs().filter(env.config().logGroup(), "ERROR", env.now().minusSeconds(3600), env.now(), 50);
                        reads += 3;
                    }
                    return reads;
                });
            }
            work.add(() -> {
                for (int j = 0; j < 60; j++) {
                    env.sleeper().sleep(Duration.ofSeconds(5));
                }
                return 0;
            });
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(work)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(600);
        } finally {
            pool.shutdownNow();
        }
        assertThat(env.calls(Api.DESCRIBE_SERVICES)).isEqualTo(200);
        assertThat(env.now()).isEqualTo(Instant.parse("2026-11-26T09:05:00Z"));
        assertThat(env.service().stable()).isTrue();
    }

    @Test
    void theSleeperAdvancesVirtualTimeAndHonoursInterrupts() throws Exception {
        SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());

        env.sleeper().sleep(Duration.ofMinutes(10));
        assertThat(env.clock().instant()).isEqualTo(Instant.parse("2026-11-26T09:10:00Z"));

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> env.sleeper().sleep(Duration.ofSeconds(1))).isInstanceOf(InterruptedException.class);
        assertThat(env.now()).isEqualTo(Instant.parse("2026-11-26T09:10:00Z"));
        assertThatThrownBy(() -> env.advance(Duration.ofSeconds(-1))).isInstanceOf(InvalidInputException.class);
    }
}
