package io.tdev.ops.change;

import io.tdev.ops.api.PlainValues;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.api.Progress;
import io.tdev.ops.api.OpsContext;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Ecs;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.sim.SimNotification;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackScenarioTest {
    private static RollbackRequest to(String target) {
        return RollbackRequest.of(target, "error rate after deploy", true, null, true, false);
    }

    private static SimRun deployed43() {
        SimRun run = SimRun.scenario("healthy");
        new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null, true, null, false));
        return run;
    }

    @Test
    void rollsBackToTheLastKnownGoodRevisionWaitsAndNotifiesWithFromToReasonAndWho() {
        SimRun run = deployed43();

        RollbackResult r = new Rollback(run.ctx).run(to(null));

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(r.from()).isEqualTo(run.sim.revision(43));
        assertThat(r.to()).isEqualTo(run.sim.revision(42));
        assertThat(r.chosenBecause()).contains("tagged tdev:known-good");
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
        assertThat(run.sim.service().stable()).isTrue();
        assertThat(run.sim.notifications()).hasSize(1);
        SimNotification n = run.sim.notifications().get(0);
        assertThat(n.message()).contains("from: t-developer-backend-production:43")
                .contains("to: t-developer-backend-production:42").contains("reason: error rate after deploy")
                .contains("by: alice").contains("COMPLETED");
        assertThat(r.notification()).startsWith("sent: message ");
        assertThat(r.actions()).extracting(a -> a.what()).containsExactly("update service", "notify");
        assertThat(PlainValues.map(r)).containsEntry("from", "t-developer-backend-production:43")
                .containsEntry("to", "t-developer-backend-production:42").containsEntry("status", "COMPLETED");
    }

    @Test
    void withoutAKnownGoodRevisionItFailsClearlyAndChangesNothing() {
        SimRun run = SimRun.scenario("no-known-good");

        assertThatThrownBy(() -> new Rollback(run.ctx).run(to("last-known-good")))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("nothing to roll back to")
                .hasMessageContaining("tagged tdev:known-good")
                .hasMessageContaining("target previous");
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void previousWithoutAnOlderDeploymentIsTheHighestActiveRevisionBelowTheCurrent() {
        SimRun run = SimRun.scenario("healthy");

        RollbackResult r = new Rollback(run.ctx).run(to("previous"));

        assertThat(r.to()).isEqualTo(run.sim.revision(41));
        assertThat(r.chosenBecause()).contains("highest ACTIVE revision below");
        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
    }

    @Test
    void aDeploymentInProgressIsStoppedFirstAndPreviousIsTheDeploymentItReplaced() {
        SimRun run = SimRun.scenario("bad-deploy");

        RollbackResult r = new Rollback(run.ctx).run(to("previous"));

        assertThat(r.from()).isEqualTo(run.sim.revision(43));
        assertThat(r.to()).isEqualTo(run.sim.revision(42));
        assertThat(r.chosenBecause()).contains("previous deployment");
        assertThat(r.stoppedDeploymentId()).isNotBlank();
        assertThat(run.sim.calls(Api.STOP_SERVICE_DEPLOYMENT)).isEqualTo(1);
        assertThat(r.actions().get(0).what()).isEqualTo("stop deployment");
        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
        assertThat(run.sim.service().deployments()).hasSize(1);
    }

    @Test
    void theDefaultTargetDuringABadDeployIsTheKnownGoodRevisionBeforeIt() {
        SimRun run = SimRun.scenario("bad-deploy");

        RollbackResult r = new Rollback(run.ctx).run(to(null));

        assertThat(r.target()).isEqualTo("last-known-good");
        assertThat(r.to()).isEqualTo(run.sim.revision(42));
        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.calls(Api.STOP_SERVICE_DEPLOYMENT)).isEqualTo(1);
    }

    @Test
    void alreadyOnTheTargetSaysSoAndChangesNothing() {
        SimRun run = SimRun.scenario("healthy");

        RollbackResult r = new Rollback(run.ctx).run(to("42"));

        assertThat(r.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(r.message()).contains("already runs t-developer-backend-production:42");
        assertThat(r.actions()).isEmpty();
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void familyColonRevisionAndArnTargetsAreAccepted() {
        SimRun run = SimRun.scenario("healthy");

        RollbackResult byRef = new Rollback(run.ctx).run(to(run.sim.family() + ":40"));
        RollbackResult byArn = new Rollback(run.ctx).run(to(run.sim.taskDefinitionArn(39)));

        assertThat(byRef.to()).isEqualTo(run.sim.revision(40));
        assertThat(byArn.from()).isEqualTo(run.sim.revision(40));
        assertThat(byArn.to()).isEqualTo(run.sim.revision(39));
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(39));
    }

    @Test
    void aDryRunReturnsThePlanAndMakesNoMutatingCall() {
        SimRun run = SimRun.scenario("bad-deploy");

        RollbackResult r = new Rollback(run.ctx).run(RollbackRequest.of(null, "test", true, null, true, true));

        assertThat(r.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(r.actions()).extracting(a -> a.what()).containsExactly("stop deployment", "update service", "notify");
        assertThat(r.actions()).allMatch(a -> a.dryRun());
        assertThat(run.sim.calls(Api.STOP_SERVICE_DEPLOYMENT)).isZero();
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThat(run.sim.calls(Api.PUBLISH)).isZero();
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(43));
    }

    @Test
    void aDeregisteredTargetIsRefusedAndAMalformedOneIsInvalidInput() {
        SimRun run = SimRun.scenario("healthy");

        assertThatThrownBy(() -> new Rollback(run.ctx).run(to("36")))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("INACTIVE");
        int reads = run.sim.calls(Api.DESCRIBE_SERVICES);
        assertThatThrownBy(() -> new Rollback(run.ctx).run(to("yesterday")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("target:")
                .hasMessageContaining("last-known-good (default), previous").hasMessageContaining("FAMILY:REVISION");
        assertThat(run.sim.calls(Api.DESCRIBE_SERVICES)).isEqualTo(reads);
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
    }

    @Test
    void aTimedOutWaitSaysWhereItStoppedAndRunningAgainResumesWithoutASecondUpdate() {
        SimRun run = SimRun.scenario("healthy");

        RollbackResult first = new Rollback(run.ctx).run(RollbackRequest.of("41", "test", true,
                Duration.ofSeconds(20), true, false));

        assertThat(first.status()).isEqualTo(ChangeStatus.TIMED_OUT);
        assertThat(first.message()).contains("points at t-developer-backend-production:41").contains("not stable after 20s");
        assertThat(first.next()).contains("tdev-ops rollback --env production --target t-developer-backend-production:41");
        assertThat(run.sim.notifications().get(0).message()).contains("TIMED_OUT");

        RollbackResult again = new Rollback(run.ctx).run(to(first.to().toString()));

        assertThat(again.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isEqualTo(1);
    }

    @Test
    void throttledReadsAreRetriedAndExhaustedRetriesAreARemoteFailureBeforeAnyChange() {
        SimRun run = SimRun.scenario("healthy");
        run.sim.faults().throttle(Api.DESCRIBE_SERVICES, 2);

        assertThat(new Rollback(run.ctx).run(to("41")).status()).isEqualTo(ChangeStatus.COMPLETED);

        SimRun exhausted = SimRun.scenario("healthy");
        exhausted.sim.faults().throttle(Api.DESCRIBE_SERVICES, 20);
        assertThatThrownBy(() -> new Rollback(exhausted.ctx).run(to("41")))
                .isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("throttled").hasMessageContaining("gave up after 4 attempts")
                .satisfies(e -> assertThat(((RemoteFailureException) e).api()).isEqualTo(Api.DESCRIBE_SERVICES));
        assertThat(exhausted.sim.calls(Api.UPDATE_SERVICE)).isZero();
    }

    @Test
    void aFailedUpdateAfterStoppingTheDeploymentSaysWhereItStoppedAndWhatToRun() {
        SimRun run = SimRun.scenario("bad-deploy");
        run.sim.faults().fail(Api.UPDATE_SERVICE, 1);

        // last-known-good skips 43 but after the stop ECS returns to 42 by itself: to target 41 the update is needed
        assertThatThrownBy(() -> new Rollback(run.ctx).run(to("41")))
                .isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("stopped before pointing it at t-developer-backend-production:41")
                .hasMessageContaining("was stopped; the service runs t-developer-backend-production:42")
                .hasMessageContaining("run again: tdev-ops rollback --env production --target t-developer-backend-production:41");
    }

    @Test
    void aLostNotificationIsReportedWithoutHidingTheRollback() {
        SimRun run = deployed43();
        run.sim.faults().fail(Api.PUBLISH, 1);

        RollbackResult r = new Rollback(run.ctx).run(to(null));

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(r.notification()).startsWith("FAILED: ");
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
    }

    @Test
    void withTheCircuitBreakersOwnRollbackTheServiceIsAlreadyBackAndNothingChanges() {
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production()).circuitBreaker(true).build();
        SimRun run = new SimRun(sim);
        new Deploy(run.ctx).run(new DeployRequest(sim.imageUri("2.1.0-bad"), null, true, null, false));
        sim.advanceUntil(s -> s.stable(), Duration.ofMinutes(10));

        RollbackResult r = new Rollback(run.ctx).run(to("42"));

        assertThat(r.status()).isEqualTo(ChangeStatus.UNCHANGED);
    }

    @Test
    void aFailedDeploymentIsReplacedWithoutTryingToStopIt() {
        SimRun run = SimRun.scenario("healthy");
        DeployResult bad = new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.1.0-bad"), null, true, null, false));

        RollbackResult r = new Rollback(run.ctx).run(to(null));

        assertThat(bad.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(r.to()).isEqualTo(run.sim.revision(42));
        assertThat(run.sim.calls(Api.STOP_SERVICE_DEPLOYMENT)).isZero();
        assertThat(r.stoppedDeploymentId()).isNull();
    }

    @Test
    void aDeployAfterAFailedOneIsRefusedWithRollBackFirst() {
        SimRun run = SimRun.scenario("healthy");
        new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.1.0-bad"), null, true, null, false));

        assertThatThrownBy(() -> new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.44"), null, true, null, false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("FAILED").hasMessageContaining("roll back first");
    }

    @Test
    void runningTheDefaultRollbackAgainWhileItRollsKeepsItsTargetAndOnlyWaits() {
        SimRun run = SimRun.scenario("bad-deploy");
        RollbackResult started = new Rollback(run.ctx).run(RollbackRequest.of(null, "bad", false, null, false, false));

        RollbackResult again = new Rollback(run.ctx).run(to(null));

        assertThat(started.status()).isEqualTo(ChangeStatus.STARTED);
        assertThat(again.to()).isEqualTo(run.sim.revision(42));
        assertThat(again.chosenBecause()).contains("already to");
        assertThat(again.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.calls(Api.STOP_SERVICE_DEPLOYMENT)).isEqualTo(1);
    }

    /** The sim's ECS, except that every DescribeServices after an UpdateService is throttled. */
    private static Ecs throttledAfterUpdate(Ecs real) {
        AtomicBoolean updated = new AtomicBoolean();
        return (Ecs) Proxy.newProxyInstance(RollbackScenarioTest.class.getClassLoader(),
                new Class<?>[]{Ecs.class}, (proxy, method, args) -> {
                    if (method.getName().equals("describeService") && updated.get()) {
                        throw new RemoteFailureException(Api.DESCRIBE_SERVICES, "Rate exceeded", true);
                    }
                    try {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("updateService")) {
                            updated.set(true);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void losingTrackWhileWaitingSaysTheServiceWasChangedNotifiesAndNamesTheCommandToResume() {
        SimRun run = deployed43();
        OpsPorts p = run.sim.ports();
        OpsPorts ports = p.withEcs(throttledAfterUpdate(p.ecs()));
        OpsContext ctx = new OpsContext(run.sim.config(), ports, run.sim.clock(), run.sim.sleeper(), Progress.NONE, "alice");

        assertThatThrownBy(() -> new Rollback(ctx).run(to("42")))
                .isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("points at t-developer-backend-production:42 (rolled back from t-developer-backend-production:43)")
                .hasMessageContaining("run `tdev-ops rollback --env production --target t-developer-backend-production:42` again")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(run.sim.currentRevision()).isEqualTo(run.sim.revision(42));
        assertThat(run.sim.notifications()).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("to: t-developer-backend-production:42").contains("watching it"));
    }
}
