package io.tdev.ops.api.change;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.SimNotification;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change started with wait false, kept as a {@link PendingChange} (through a Java-serialization round trip, as a
 * restart would), looked at until done and finished, ends with the result wait true gives.
 */
class PendingChangeTest {
    private static final Duration POLL = Duration.ofSeconds(15);

    private static Stability pollUntilDone(SimRun run, PendingChange change, Duration limit) throws InterruptedException {
        RolloutWatchUseCase watch = RolloutWatchUseCase.over(run.ctx);
        Duration waited = Duration.ZERO;
        while (true) {
            Stability look = watch.look(change);
            if (look.done() || waited.compareTo(limit) >= 0) {
                return look;
            }
            run.sim.sleeper().sleep(POLL);
            waited = waited.plus(POLL);
        }
    }

    /** Everything but what differs between two runs by nature: message ids and the action log's notifications. */
    private static Map<String, Object> comparable(Record result) {
        Map<String, Object> m = new HashMap<>(PlainValues.map(result));
        m.remove("notification");
        m.remove("actions");
        return m;
    }

    @Test
    void aRollbackKeptAcrossARestartEndsAsWaitTrueAndTellsTheTeamTheFinalOutcome() throws Exception {
        SimRun engineWaits = SimRun.scenario("healthy");
        RollbackResult waited = RollbackUseCase.over(engineWaits.ctx)
                .run(RollbackRequest.of("41", "error rate", true, null, true, false));

        SimRun callerWaits = SimRun.scenario("healthy");
        RollbackResult started = RollbackUseCase.over(callerWaits.ctx)
                .run(RollbackRequest.of("41", "error rate", false, null, true, false));
        RolloutWatchUseCase watch = RolloutWatchUseCase.over(callerWaits.ctx);
        PendingChange pending = RolloutWatchTest.restarted(watch.pending(started, Duration.ofMinutes(10)));

        assertThat(pending.kind()).isEqualTo(PendingChange.Kind.ROLLBACK);
        assertThat(pending.service()).isEqualTo(callerWaits.ctx.config().serviceRef());
        assertThat(pending.from()).isEqualTo("t-developer-backend-production:42");
        assertThat(pending.to()).isEqualTo("t-developer-backend-production:41");
        assertThat(pending.revision()).isEqualTo(started.to());
        assertThat(pending.awaited()).isEqualTo("revision t-developer-backend-production:41");
        assertThat(pending.notifyTeam()).isTrue();
        assertThat(Duration.between(pending.since(), pending.deadline())).isEqualTo(Duration.ofMinutes(10));

        Stability look = pollUntilDone(callerWaits, pending, Duration.ofMinutes(10));
        ChangeResult finished = watch.finish(RolloutWatchTest.restarted(pending), look, null);

        assertThat(waited.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(finished).isInstanceOf(RollbackResult.class);
        assertThat(comparable((Record) finished)).isEqualTo(comparable(waited));
        assertThat(finished.actions()).extracting(a -> a.what()).containsExactly("update service", "notify", "notify");
        List<SimNotification> sent = callerWaits.sim.notifications();
        assertThat(sent).extracting(SimNotification::subject).satisfiesExactly(
                s -> assertThat(s).startsWith("[production] rollback STARTED: "),
                s -> assertThat(s).startsWith("[production] rollback COMPLETED: "));
    }

    @Test
    void aDeployWhoseWaitWasAbandonedIsAbandonedAndLooksNowWithoutALastLook() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        DeployResult started = DeployUseCase.over(run.ctx)
                .run(new DeployRequest(run.sim.imageUri("2.0.43"), null, false, null, false));
        RolloutWatchUseCase watch = RolloutWatchUseCase.over(run.ctx);
        PendingChange pending = RolloutWatchTest.restarted(watch.pending(started, null));

        assertThat(Duration.between(pending.since(), pending.deadline()))
                .isEqualTo(Duration.ofMinutes(run.ctx.config().deploy().stableTimeoutMinutes()));
        ChangeResult finished = watch.finish(pending, null, "aborted by bob");

        assertThat(finished.status()).isEqualTo(ChangeStatus.ABANDONED);
        assertThat(finished.ok()).isFalse();
        assertThat(finished.message()).contains("aborted by bob").contains("not timed out");
        assertThat(finished.next()).contains("tdev-ops rollback --env production --target "
                + "t-developer-backend-production:42");
        assertThat(finished.stability()).isNotNull();
        assertThat(((DeployResult) finished).image()).isEqualTo(started.image());
    }

    @Test
    void aScalingIsWatchedByItsDesiredCount() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        ScaleResult started = ScaleUseCase.over(run.ctx).run(ScaleRequest.of("+2", false, false, null, false));
        PendingChange pending = RolloutWatchTest.restarted(RolloutWatchUseCase.over(run.ctx).pending(started, null));

        assertThat(pending.revision()).isNull();
        assertThat(pending.desiredCount()).isEqualTo(started.to());
        assertThat(pending.awaited()).isEqualTo(started.to() + " tasks");
        Stability look = pollUntilDone(run, pending, Duration.ofMinutes(15));
        ScaleResult finished = (ScaleResult) RolloutWatchUseCase.over(run.ctx).finish(pending, look, null);

        assertThat(finished.status()).as(finished.message()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(finished.requested()).isEqualTo("+2");
        assertThat(finished.minCapacity()).isEqualTo(started.minCapacity());
    }

    @Test
    void onlyAStartedChangeIsPendingAndOnlyItsOwnEnvironmentFinishesIt() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        RollbackResult planned = RollbackUseCase.over(run.ctx)
                .run(RollbackRequest.of("41", null, false, null, false, true));
        assertThatThrownBy(() -> RolloutWatchUseCase.over(run.ctx).pending(planned, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("started.status: is PLANNED");

        RollbackResult started = RollbackUseCase.over(run.ctx)
                .run(RollbackRequest.of("41", null, false, null, false, false));
        PendingChange pending = RolloutWatchUseCase.over(run.ctx).pending(started, null);
        SimRun staging = SimRun.scenario("healthy", TestConfigs.staging());
        assertThatThrownBy(() -> RolloutWatchUseCase.over(staging.ctx).finish(pending, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("pendingChange: is a change of");
        assertThatThrownBy(() -> RolloutWatchUseCase.over(run.ctx).finish(pending, null, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("abandonedBy: is blank");
    }
}
