package io.tdev.ops.api.change;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimNotification;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollout started with wait false, kept as a {@link PendingChange} across a restart (a Java-serialization round trip),
 * looked at by the caller (as the Jenkins step does) and finished, ends with the result of the same call with wait
 * true: the same {@code finish} code decides both.
 */
class RolloutWatchTest {
    private static final Duration POLL = Duration.ofSeconds(15);

    /** What a restart does to what the step keeps: serialized and read back. */
    static PendingChange restarted(PendingChange change) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(change);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PendingChange) in.readObject();
        }
    }

    /** Looks like the plugin: one look, then the poll interval of virtual time, until done or {@code limit}. */
    private static Stability pollUntilDone(SimRun run, PendingChange change, Duration limit) throws InterruptedException {
        Duration waited = Duration.ZERO;
        while (true) {
            Stability look = RolloutWatchUseCase.over(run.ctx).look(change);
            if (look.done() || waited.compareTo(limit) >= 0) {
                return look;
            }
            run.sim.sleeper().sleep(POLL);
            waited = waited.plus(POLL);
        }
    }

    private static PendingChange pending(SimRun run, ChangeResult started) throws Exception {
        return restarted(RolloutWatchUseCase.over(run.ctx).pending(started, null));
    }

    private static ChangeResult finish(SimRun run, PendingChange change, Stability look, String abandonedBy)
            throws Exception {
        return RolloutWatchUseCase.over(run.ctx).finish(restarted(change), look, abandonedBy);
    }

    private static Map<String, Object> plain(Object result) {
        return PlainValues.map((Record) result);
    }

    /** Everything but what differs between two runs by nature: message ids and the action log's notifications. */
    private static Map<String, Object> comparable(Object result) {
        Map<String, Object> m = new HashMap<>(plain(result));
        m.remove("notification");
        m.remove("actions");
        return m;
    }

    private static RollbackResult rollback(SimRun run, String target, boolean wait, Duration timeout, boolean notify) {
        return RollbackUseCase.over(run.ctx).run(RollbackRequest.of(target, "error rate after deploy", wait, timeout,
                notify, false));
    }

    @Test
    void aRollbackWaitedForByTheCallerEndsAsWaitTrueAndAFinalCompletedNotification() throws Exception {
        RollbackResult waited = rollback(SimRun.scenario("healthy"), "41", true, null, true);

        SimRun callerWaits = SimRun.scenario("healthy");
        RollbackResult started = rollback(callerWaits, "41", false, null, true);
        PendingChange change = pending(callerWaits, started);
        ChangeResult finished = finish(callerWaits, change, pollUntilDone(callerWaits, change, Duration.ofMinutes(15)),
                null);

        assertThat(waited.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(plain(finished).keySet()).containsExactlyElementsOf(plain(waited).keySet());
        assertThat(comparable(finished)).isEqualTo(comparable(waited));
        List<SimNotification> sent = callerWaits.sim.notifications();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).subject()).startsWith("[production] rollback STARTED: t-developer-service-production");
        assertThat(sent.get(1).subject()).startsWith("[production] rollback COMPLETED: ");
        assertThat(sent.get(1).message()).contains("from: t-developer-backend-production:42")
                .contains("to: t-developer-backend-production:41").contains("reason: error rate after deploy")
                .contains("by: alice").contains("outcome: COMPLETED: " + finished.message());
        assertThat(((RollbackResult) finished).notification()).isEqualTo("sent: message " + sent.get(1).messageId());
        assertThat(finished.actions()).extracting(a -> a.what()).containsExactly("update service", "notify", "notify");
        assertThat(callerWaits.sim.calls(Api.UPDATE_SERVICE)).isEqualTo(1);
    }

    @Test
    void aRollbackTheCallerGaveUpOnIsTimedOutSaysWhatToRunNextAndTellsTheTeam() throws Exception {
        RollbackResult waited = rollback(SimRun.scenario("healthy"), "41", true, Duration.ofSeconds(20), true);

        SimRun callerWaits = SimRun.scenario("healthy");
        RollbackResult started = rollback(callerWaits, "41", false, null, true);
        PendingChange change = pending(callerWaits, started);
        callerWaits.sim.sleeper().sleep(Duration.ofSeconds(20));
        Stability look = RolloutWatchUseCase.over(callerWaits.ctx).look(change);
        ChangeResult finished = finish(callerWaits, change, look, null);

        assertThat(look.done()).isFalse();
        assertThat(waited.status()).isEqualTo(ChangeStatus.TIMED_OUT);
        assertThat(comparable(finished)).isEqualTo(comparable(waited));
        assertThat(finished.message()).contains("points at t-developer-backend-production:41")
                .contains("not stable after 20s");
        assertThat(finished.next())
                .contains("tdev-ops rollback --env production --target t-developer-backend-production:41");
        SimNotification last = callerWaits.sim.notifications().get(1);
        assertThat(last.subject()).startsWith("[production] rollback TIMED_OUT: ");
        assertThat(last.message()).contains("outcome: TIMED_OUT: " + finished.message());
        assertThat(((RollbackResult) finished).notification()).isEqualTo("sent: message " + last.messageId());
    }

    @Test
    void aRollbackThatDidNotNotifyItsStartFinishesWithoutPublishing() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        RollbackResult started = rollback(run, "41", false, null, false);
        PendingChange change = pending(run, started);
        pollUntilDone(run, change, Duration.ofMinutes(15));

        // no last look given: the engine takes it itself
        RollbackResult finished = (RollbackResult) finish(run, change, null, null);

        assertThat(change.notifyTeam()).isFalse();
        assertThat(finished.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(finished.notification()).isNull();
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void aDeployWaitedForByTheCallerEndsLikeWaitTrueAndAFailedOneSaysHowToRollBack() throws Exception {
        SimRun engineWaits = SimRun.scenario("healthy");
        DeployResult waited = DeployUseCase.over(engineWaits.ctx).run(DeployRequest.of(engineWaits.sim.imageUri("2.0.43")));
        DeployResult waitedBad = DeployUseCase.over(engineWaits.ctx)
                .run(DeployRequest.of(engineWaits.sim.imageUri("2.1.0-bad")));

        SimRun callerWaits = SimRun.scenario("healthy");
        DeployUseCase deploy = DeployUseCase.over(callerWaits.ctx);
        PendingChange change = pending(callerWaits, deploy.run(new DeployRequest(callerWaits.sim.imageUri("2.0.43"),
                null, false, null, false)));
        ChangeResult finished = finish(callerWaits, change, pollUntilDone(callerWaits, change, Duration.ofMinutes(15)),
                null);
        PendingChange bad = pending(callerWaits, deploy.run(new DeployRequest(callerWaits.sim.imageUri("2.1.0-bad"),
                null, false, null, false)));
        ChangeResult finishedBad = finish(callerWaits, bad, pollUntilDone(callerWaits, bad, Duration.ofMinutes(15)),
                null);

        assertThat(plain(finished)).isEqualTo(plain(waited));
        assertThat(finished.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(finished.next()).isNull();
        assertThat(plain(finishedBad)).isEqualTo(plain(waitedBad));
        assertThat(finishedBad.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(finishedBad.next()).contains("tdev-ops rollback --env production --target "
                + "t-developer-backend-production:43");
        assertThat(callerWaits.sim.notifications()).isEmpty();
    }

    @Test
    void aScalingWaitedForByTheCallerEndsLikeWaitTrue() throws Exception {
        ScaleResult waited = ScaleUseCase.over(SimRun.scenario("healthy").ctx)
                .run(ScaleRequest.of("p0", false, true, null, false));

        SimRun callerWaits = SimRun.scenario("healthy");
        PendingChange change = pending(callerWaits, ScaleUseCase.over(callerWaits.ctx)
                .run(ScaleRequest.of("p0", false, false, null, false)));
        ChangeResult finished = finish(callerWaits, change, pollUntilDone(callerWaits, change, Duration.ofMinutes(15)),
                null);

        assertThat(change.desiredCount()).isEqualTo(10);
        assertThat(plain(finished)).isEqualTo(plain(waited));
        assertThat(finished.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(finished.to()).isEqualTo(10);
    }

    @Test
    void changesThatAreNotStartedAndLooksAtAnotherRolloutAreRefusedBeforeAnythingIsSent() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        RolloutWatchUseCase watch = RolloutWatchUseCase.over(run.ctx);
        RollbackResult dryRun = RollbackUseCase.over(run.ctx).run(RollbackRequest.of("41", null, false, null, true, true));
        assertThatThrownBy(() -> watch.pending(dryRun, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("started.status: is PLANNED; only a change started with wait: false");

        PendingChange change = pending(run, rollback(run, "41", false, null, true));
        int sent = run.sim.notifications().size();
        Stability look = watch.look(change);
        Stability otherLook = new Stability(look.done(), look.stable(), look.failed(), look.message(),
                new TaskDefinitionRef("t-developer-backend-production", 40), look.current(), look.rolloutState(),
                look.running(), look.desired(), look.pending(), look.circuitBreakerRolledBack());
        assertThatThrownBy(() -> watch.finish(change, otherLook, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("stability.revision: is "
                        + "t-developer-backend-production:40 but this rollout went to t-developer-backend-production:41");
        assertThatThrownBy(() -> watch.finish(change, look, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("abandonedBy: is blank");
        assertThatThrownBy(() -> watch.finish(null, look, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("pendingChange: is required");
        assertThat(run.sim.notifications()).hasSize(sent);
    }

    @Test
    void aRollbackWhoseBuildWasAbortedIsAbandonedNotTimedOutAndTheTeamHearsWhoStoppedWatchingAndHowToKeepWatching()
            throws Exception {
        SimRun run = SimRun.scenario("healthy");
        RollbackResult started = RollbackUseCase.over(run.ctx).run(RollbackRequest.of("41", "5xx", false, null, true,
                false));
        PendingChange change = pending(run, started);
        run.sim.sleeper().sleep(Duration.ofSeconds(30));
        Stability look = RolloutWatchUseCase.over(run.ctx).look(change);
        RollbackResult finished = (RollbackResult) finish(run, change, look, "aborted by bob");

        assertThat(look.done()).isFalse();
        assertThat(finished.status()).isEqualTo(ChangeStatus.ABANDONED);
        assertThat(finished.message()).startsWith("the wait was abandoned after 30s (aborted by bob), not timed out:"
                + " the rollback to t-developer-backend-production:41 stays and the rollout continues; last look: ")
                .doesNotContain("not stable after");
        assertThat(finished.next()).startsWith("to keep watching run `tdev-ops rollback --env production"
                + " --target t-developer-backend-production:41` (it will not update twice)");
        SimNotification last = run.sim.notifications().get(1);
        assertThat(last.subject()).startsWith("[production] rollback ABANDONED: t-developer-service-production");
        assertThat(last.message()).contains("by: alice").contains("reason: 5xx")
                .contains("outcome: ABANDONED: " + finished.message()).doesNotContain("TIMED_OUT");
        assertThat(finished.notification()).isEqualTo("sent: message " + last.messageId());
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isEqualTo(1);
    }

    @Test
    void anAbortAfterTheRolloutWasDoneStillReportsTheRolloutsOwnOutcome() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        PendingChange change = pending(run, ScaleUseCase.over(run.ctx).run(ScaleRequest.of("+2", false, false, null,
                false)));
        Stability look = pollUntilDone(run, change, Duration.ofMinutes(15));
        ChangeResult finished = finish(run, change, look, "aborted");

        assertThat(look.done()).isTrue();
        assertThat(finished.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(finished.next()).isNull();
    }

    @Test
    void anAbandonedDeployKeepsItsRevisionAndSaysHowToWatchOrUndoIt() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        DeployResult started = DeployUseCase.over(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null,
                false, null, false));
        PendingChange change = pending(run, started);
        ChangeResult finished = finish(run, change, RolloutWatchUseCase.over(run.ctx).look(change), "aborted");

        assertThat(finished.status()).isEqualTo(ChangeStatus.ABANDONED);
        assertThat(finished.message()).contains("(aborted), not timed out: the deployment of " + started.to()
                + " stays and the rollout continues");
        assertThat(finished.next()).startsWith("to keep watching: `tdev-ops health --env production`")
                .contains("tdev-ops rollback --env production --target " + started.from());
    }
}
