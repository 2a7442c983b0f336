package io.tdev.ops.change;

import io.tdev.ops.api.PlainValues;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.health.Verdict;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.sim.Api;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployScenarioTest {
    private static DeployRequest deploy(String image) {
        return new DeployRequest(image, null, true, null, false);
    }

    @Test
    void deploysANewRevisionWithTheImageAndWaitsUntilStableWithProgress() {
        SimRun run = SimRun.scenario("healthy");
        String image = run.sim.imageUri("2.0.43");

        DeployResult r = new Deploy(run.ctx).run(deploy(image));

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(r.from()).isEqualTo(run.sim.revision(42));
        assertThat(r.to()).isEqualTo(run.sim.revision(43));
        assertThat(r.container()).isEqualTo("t-developer-backend");
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(43));
        assertThat(run.sim.taskDefinition(43).containers().get(0).image()).isEqualTo(image);
        assertThat(run.sim.service().stable()).isTrue();
        assertThat(r.actions()).extracting(a -> a.what()).containsExactly("register task definition", "update service");
        assertThat(r.actions()).noneMatch(a -> a.dryRun());
        assertThat(run.progress).anyMatch(l -> l.matches(
                "waiting for t-developer-service-production to reach t-developer-backend-production:43: running \\d+/3, pending \\d+ \\(.+ of 15m\\)"));
        assertThat(PlainValues.map(r)).containsEntry("from", "t-developer-backend-production:42")
                .containsEntry("to", "t-developer-backend-production:43").containsEntry("status", "COMPLETED")
                .containsKey("deploymentId");
    }

    @Test
    void refusesWhileAnotherDeploymentIsInProgressAndTouchesNothing() {
        SimRun run = SimRun.scenario("deployment-in-progress");

        assertThatThrownBy(() -> new Deploy(run.ctx).run(deploy(run.sim.imageUri("2.0.44"))))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("already in progress")
                .hasMessageContaining("t-developer-backend-production:43")
                .hasMessageContaining("wait until it is stable");
        assertThat(run.sim.calls(Api.REGISTER_TASK_DEFINITION)).isZero();
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
    }

    @Test
    void aDryRunReturnsThePlanAndMakesNoMutatingCall() {
        SimRun run = SimRun.scenario("healthy");

        DeployResult r = new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null, true, null, true));

        assertThat(r.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(r.actions()).hasSize(2).allMatch(a -> a.dryRun());
        assertThat(r.actions().get(0).after()).endsWith(":2.0.43");
        assertThat(run.sim.calls(Api.REGISTER_TASK_DEFINITION)).isZero();
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
    }

    @Test
    void aBadImageFailsTheRolloutAndTheResultSaysWhatToRunNext() {
        SimRun run = SimRun.scenario("healthy");

        DeployResult r = new Deploy(run.ctx).run(deploy(run.sim.imageUri("2.1.0-bad")));

        assertThat(r.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(r.message()).contains("FAILED").contains("circuit breaker");
        assertThat(r.next()).contains("tdev-ops rollback --env production --target t-developer-backend-production:42");
        assertThat(r.stability().failed()).isTrue();
    }

    @Test
    void aCircuitBreakerRollbackIsAFailedDeployAndAnUnhealthyServiceAfterTheBaseline() {
        SimRun run = SimRun.scenario("circuit-breaker");
        Instant start = run.sim.now();

        DeployResult r = new Deploy(run.ctx).run(deploy(run.sim.imageUri("2.1.0-bad")));
        HealthResult health = new HealthCheck(run.ctx).run(HealthOptions.defaults().withBaseline(start)
                .withSignals(List.of("ecs-service")));

        assertThat(r.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(health.status()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(health.signals().get(0).value()).containsAnyOf("circuit breaker", "FAILED");
    }

    @Test
    void aFaultyImageThatDeploysCleanlyIsCaughtByTheHealthCheckAfterIt() {
        SimRun run = SimRun.scenario("healthy");
        Instant deployStart = run.sim.now();

        DeployResult r = new Deploy(run.ctx).run(deploy(run.sim.imageUri("2.1.0-faulty")));
        run.sim.advance(Duration.ofMinutes(5));
        HealthResult bake = new HealthCheck(run.ctx).run(HealthOptions.defaults().withBaseline(deployStart));

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(bake.status()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(bake.reasons()).anyMatch(x -> x.startsWith("alarms UNHEALTHY") || x.startsWith("error-logs UNHEALTHY"));
    }

    @Test
    void aRolloutNotStableInTimeIsTimedOutAndSaysWhereItStopped() {
        SimRun run = SimRun.scenario("healthy");

        DeployResult r = new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null, true,
                Duration.ofSeconds(20), false));

        assertThat(r.status()).isEqualTo(ChangeStatus.TIMED_OUT);
        assertThat(r.message()).contains("was not stable after 20s");
        assertThat(r.next()).contains("tdev-ops rollback");
        assertThat(run.progress).anyMatch(l -> l.startsWith("gave up waiting for t-developer-service-production"));
    }

    @Test
    void notWaitingReturnsStartedWithTheDeploymentId() {
        SimRun run = SimRun.scenario("healthy");

        DeployResult r = new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null, false, null, false));

        assertThat(r.status()).isEqualTo(ChangeStatus.STARTED);
        assertThat(r.deploymentId()).isNotBlank();
        assertThat(run.sim.service().deploymentInProgress()).isTrue();
    }

    @Test
    void theImageAlreadyRunningIsUnchanged() {
        SimRun run = SimRun.scenario("healthy");
        String current = run.sim.taskDefinition(42).containers().get(0).image();

        DeployResult r = new Deploy(run.ctx).run(deploy(current));

        assertThat(r.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(run.sim.calls(Api.REGISTER_TASK_DEFINITION)).isZero();
    }

    @Test
    void anUnknownContainerIsInvalidInputListingTheContainers() {
        SimRun run = SimRun.scenario("healthy");

        assertThatThrownBy(() -> new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.1.0"), "frontend", true, null, false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("container: got 'frontend'").hasMessageContaining("backend")
                .hasMessageContaining("xray-daemon");
        assertThatThrownBy(() -> new Deploy(run.ctx).run(deploy(" ")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("image:");
    }

    @Test
    void aFailedServiceUpdateSaysTheRevisionWasRegisteredButTheServiceStillRunsTheOldOne() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().fail(Api.UPDATE_SERVICE, 1);

        assertThatThrownBy(() -> new Deploy(run.ctx).run(deploy(run.sim.imageUri("2.0.43"))))
                .hasMessageContaining("registered t-developer-backend-production:43 but could not point")
                .hasMessageContaining("still runs t-developer-backend-production:42");
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
    }

    @Test
    void markKnownGoodTagsTheCurrentRevisionWithTimeAndWho() {
        SimRun run = SimRun.scenario("healthy");
        new Deploy(run.ctx).run(deploy(run.sim.imageUri("2.0.43")));

        MarkKnownGoodResult r = new MarkKnownGood(run.ctx).run(MarkKnownGoodRequest.of(null, false, false, null, null));

        assertThat(r.revision()).isEqualTo(run.sim.revision(43));
        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.tagsOf(43)).containsEntry("tdev:known-good", run.sim.now() + " by alice");
        assertThat(r.actions()).singleElement().satisfies(a -> assertThat(a.before()).isEqualTo("(not tagged)"));
    }

    @Test
    void markKnownGoodDryRunTagsNothingAndDeregisteredRevisionsAreRefused() {
        SimRun run = SimRun.scenario("healthy");

        MarkKnownGoodResult dry = new MarkKnownGood(run.ctx).run(MarkKnownGoodRequest.of("41", true, false, null, null));

        assertThat(dry.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(dry.revision()).isEqualTo(new TaskDefinitionRef(run.sim.family(), 41));
        assertThat(run.sim.calls(Api.TAG_RESOURCE)).isZero();
        assertThatThrownBy(() -> new MarkKnownGood(run.ctx).run(MarkKnownGoodRequest.of("36", false, false, null, null)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("INACTIVE");
    }
}
