package io.tdev.ops.sim;

import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.Ecs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimDeploymentTest {
    private final SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
    private final Ecs ecs = env.ports().ecs();
    private final ServiceRef service = env.config().serviceRef();

    private TaskDefinitionRef register(String tag) {
        TaskDefinition current = ecs.describeTaskDefinition(env.currentRevision().toString());
        return ecs.registerTaskDefinition(current, Map.of("t-developer-backend", env.imageUri(tag)));
    }

    @Test
    void aGoodImageRollsOutAndCompletesOnVirtualTime() {
        TaskDefinitionRef next = register("2.0.43");
        String id = ecs.updateService(service, next);

        ServiceState started = ecs.describeService(service);
        assertThat(started.deployments()).hasSize(2);
        assertThat(started.primaryDeployment()).get().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
            assertThat(d.taskDefinition()).isEqualTo(next);
        });
        assertThat(started.deploymentInProgress()).isTrue();

        env.advance(Duration.ofSeconds(20));
        assertThat(ecs.describeService(service).pending()).isEqualTo(3);

        boolean stable = env.advanceUntil(ServiceState::stable, Duration.ofMinutes(5));

        ServiceState done = ecs.describeService(service);
        assertThat(stable).isTrue();
        assertThat(done.taskDefinition()).isEqualTo(next);
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.running()).isEqualTo(3);
            assertThat(d.rolloutStateReason()).contains("completed");
        });
        assertThat(done.running()).isEqualTo(3);
        assertThat(done.events().get(0).message()).contains("has reached a steady state");
        assertThat(env.targets()).extracting(t -> t.state()).containsOnly(TargetState.HEALTHY);
        assertThat(env.now()).isBetween(Instant.parse("2026-11-26T09:00:50Z"), Instant.parse("2026-11-26T09:03:00Z"));
    }

    @Test
    void oldTasksKeepServingUntilNewOnesPassHealthChecks() {
        ecs.updateService(service, register("2.0.43"));

        env.advance(Duration.ofSeconds(25));

        ServiceState midway = ecs.describeService(service);
        Deployment old = midway.deployments().stream().filter(d -> !d.primary()).findFirst().orElseThrow();
        assertThat(old.running()).isEqualTo(3);
        assertThat(env.targets()).filteredOn(t -> t.state() == TargetState.HEALTHY).hasSize(3);
    }

    @Test
    void aBadImageFailsHealthChecksThenTheRolloutFails() {
        Instant deployedAt = env.now();
        ecs.updateService(service, register("2.1.0-bad"));

        env.advance(Duration.ofSeconds(75));
        assertThat(env.targets()).extracting(t -> t.state()).contains(TargetState.UNHEALTHY);

        boolean failed = env.advanceUntil(s -> s.primaryDeployment().orElseThrow().rolloutState() == RolloutState.FAILED,
                Duration.ofMinutes(10));
        env.advance(Duration.ofMinutes(2));

        ServiceState s = ecs.describeService(service);
        assertThat(failed).isTrue();
        Deployment bad = s.primaryDeployment().orElseThrow();
        assertThat(bad.failedTasks()).isGreaterThanOrEqualTo(env.failureThreshold());
        assertThat(bad.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(s.running()).as("the previous deployment keeps serving").isEqualTo(3);
        assertThat(s.stable()).isFalse();
        assertThat(s.events()).anySatisfy(e -> assertThat(e.message()).contains("failed ELB health checks"));

        assertThat(env.alarm("t-developer-production-alb-5xx")).get().satisfies(a -> {
            assertThat(a.stateUpdatedAt()).isAfter(deployedAt);
        });
        assertThat(env.logEvents(deployedAt, env.now())).filteredOn(e -> e.message().startsWith("ERROR"))
                .hasSizeGreaterThan(50)
                .extracting(LogEvent::message)
                .anySatisfy(m -> assertThat(m).matches("ERROR Generation failed for project [0-9a-f-]{36}: timeout after \\d+ ms in agent generation"));
    }

    @Test
    void aBadImageFlipsTheServiceAlarmsWhileItsTasksFail() {
        env.circuitBreaker(false);
        SimEnvironment noBreaker = SimEnvironment.builder(SimConfigs.production()).circuitBreakerOff().build();
        Ecs e = noBreaker.ports().ecs();
        TaskDefinition current = e.describeTaskDefinition(noBreaker.currentRevision().toString());
        e.updateService(service, e.registerTaskDefinition(current, Map.of("t-developer-backend", noBreaker.imageUri("2.1.0-bad"))));

        noBreaker.advance(Duration.ofMinutes(6));

        assertThat(noBreaker.service().primaryDeployment().orElseThrow().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(noBreaker.alarms()).filteredOn(a -> a.state() == AlarmState.ALARM).extracting(a -> a.name())
                .contains("t-developer-production-alb-5xx", "t-developer-production-error-rate",
                        "t-developer-production-unhealthy-hosts");
    }

    @Test
    void alarmsClearOnceTheBadTasksAreGone() {
        ecs.updateService(service, register("2.1.0-bad"));
        env.advance(Duration.ofMinutes(2));
        assertThat(env.alarm("t-developer-production-alb-5xx").orElseThrow().state()).isEqualTo(AlarmState.ALARM);

        ecs.updateService(service, env.revision(42));
        env.advanceUntil(ServiceState::stable, Duration.ofMinutes(10));
        env.advance(Duration.ofMinutes(15));

        assertThat(env.alarms()).filteredOn(a -> a.name().startsWith("t-developer"))
                .allSatisfy(a -> assertThat(a.state()).as(a.name()).isEqualTo(AlarmState.OK));
    }

    @Test
    void theCircuitBreakerWithRollbackReturnsToTheLastCompletedRevision() {
        env.circuitBreaker(true);
        ecs.updateService(service, register("2.1.0-bad"));

        boolean tripped = env.advanceUntil(s -> s.primaryDeployment().orElseThrow().rolloutStateReason().contains("circuit breaker"),
                Duration.ofMinutes(10));
        ServiceState rollingBack = ecs.describeService(service);
        assertThat(tripped).isTrue();
        assertThat(rollingBack.circuitBreakerRollback()).isTrue();
        assertThat(rollingBack.taskDefinition()).isEqualTo(env.revision(42));
        assertThat(rollingBack.primaryDeployment().orElseThrow().rolloutStateReason())
                .startsWith("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/");
        assertThat(rollingBack.events()).anySatisfy(e -> assertThat(e.message()).contains("rolling back to deployment"));

        assertThat(env.advanceUntil(ServiceState::stable, Duration.ofMinutes(10))).isTrue();
        ServiceState back = ecs.describeService(service);
        assertThat(back.taskDefinition()).isEqualTo(env.revision(42));
        assertThat(back.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.rolloutStateReason()).contains("rolled back");
        });
    }

    @Test
    void stoppingADeploymentLeavesTheServiceOnThePreviousOne() {
        String id = ecs.updateService(service, register("2.0.43"));
        env.advance(Duration.ofSeconds(10));

        ecs.stopDeployment(service, id);
        env.advanceUntil(ServiceState::stable, Duration.ofMinutes(5));

        ServiceState s = ecs.describeService(service);
        assertThat(s.taskDefinition()).isEqualTo(env.revision(42));
        assertThat(s.deployments()).singleElement().satisfies(d -> assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED));
        assertThat(s.running()).isEqualTo(3);
        assertThat(s.events()).anySatisfy(e -> assertThat(e.message()).contains("deployment stopped"));
    }

    @Test
    void scalingStartsAndDrainsTasks() {
        ecs.setDesiredCount(service, 5);
        env.advanceUntil(s -> s.running() == 5, Duration.ofMinutes(3));
        assertThat(env.service().running()).isEqualTo(5);
        assertThat(env.service().primaryDeployment().orElseThrow().rolloutState()).isEqualTo(RolloutState.COMPLETED);

        ecs.setDesiredCount(service, 2);
        env.advance(Duration.ofSeconds(5));
        assertThat(env.service().running()).isEqualTo(2);
        assertThat(env.targets()).filteredOn(t -> t.state() == TargetState.DRAINING).hasSize(3);
    }

    @Test
    void updatingToAnInactiveRevisionIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> ecs.updateService(service, env.revision(36)))
                .hasMessageContaining("inactive");
        assertThatThrownBy(() -> ecs.updateService(service, env.revision(99)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(env.service().deployments()).hasSize(1);
    }

    @Test
    void anUnknownServiceOrClusterIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> ecs.describeService(new ServiceRef("t-developer-cluster-production", "nope")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> ecs.describeService(new ServiceRef("other", "t-developer-service-production")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("other");
    }

    @Test
    void anImageMarkedBadCrashesWhateverItsTag() {
        env.markImageBad("2.0.43");
        ecs.updateService(service, register("2.0.43"));

        env.advanceUntil(s -> s.primaryDeployment().orElseThrow().rolloutState() != RolloutState.IN_PROGRESS, Duration.ofMinutes(10));

        assertThat(env.service().primaryDeployment().orElseThrow().rolloutState()).isEqualTo(RolloutState.FAILED);
    }

    @Test
    void describeServicesAsksInBatchesOfTenAndSkipsUnknownNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            names.add("other-" + i);
        }
        names.add(service.service());

        List<ServiceState> found = ecs.describeServices(service.cluster(), names);

        assertThat(found).singleElement().satisfies(s -> assertThat(s.ref()).isEqualTo(service));
        assertThat(env.calls(Api.DESCRIBE_SERVICES)).isEqualTo(2);
    }
}
