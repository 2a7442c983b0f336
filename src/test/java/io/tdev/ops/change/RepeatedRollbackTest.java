package io.tdev.ops.change;

import io.tdev.ops.api.PlainValues;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.sim.Api;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same rollback twice on the simulation (issue 9): the second finds nothing to do, says UNCHANGED, and every
 * field of its result says the same thing: stable, not failed, no change, no notification. (The same request names
 * the same revision; {@code last-known-good} means the newest known-good revision other than the one running, so
 * run again it is another request: it goes further back, or says there is nothing to roll back to.)
 */
class RepeatedRollbackTest {
    private final SimRun run = SimRun.scenario("bad-deploy");
    private final RollbackRequest request = RollbackRequest.of("42", "5xx after deploy", true, null, true,
            false);

    @Test
    void theSecondIdenticalRollbackIsUnchangedAndEveryFieldAgrees() {
        RollbackResult first = new Rollback(run.ctx).run(request);
        int updatesAfterFirst = run.sim.calls(Api.UPDATE_SERVICE);
        int notificationsAfterFirst = run.sim.calls(Api.PUBLISH);

        RollbackResult second = new Rollback(run.ctx).run(request);

        assertThat(first.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(second.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(second.status().ok()).isTrue();
        assertThat(second.from()).isEqualTo(first.to()).isEqualTo(second.to());
        assertThat(second.target()).isEqualTo(first.target());
        assertThat(second.chosenBecause()).isEqualTo(first.chosenBecause());
        assertThat(second.reason()).isEqualTo("5xx after deploy");
        assertThat(second.by()).isEqualTo(first.by());
        assertThat(second.message()).contains("already runs " + first.to()).contains("nothing to roll back");
        assertThat(second.next()).isNull();
        assertThat(second.notification()).isNull();
        assertThat(second.stoppedDeploymentId()).isNull();
        assertThat(second.actions()).isEmpty();

        Stability s = second.stability();
        assertThat(s).isNotNull();
        assertThat(s.done()).isTrue();
        assertThat(s.stable()).isTrue();
        assertThat(s.failed()).as(s.message()).isFalse();
        assertThat(s.revision()).isEqualTo(first.to());
        assertThat(s.current()).isEqualTo(first.to());
        assertThat(s.rolloutState()).isEqualTo(RolloutState.COMPLETED);
        assertThat(s.running()).isEqualTo(s.desired()).isPositive();
        assertThat(s.pending()).isZero();
        assertThat(s.circuitBreakerRolledBack()).isFalse();

        // what the CLI's JSON and the plugin's return value show says the same
        Map<String, Object> map = PlainValues.map(second);
        assertThat(map).containsEntry("status", "UNCHANGED")
                .containsEntry("from", first.to().toString()).containsEntry("to", first.to().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> stability = (Map<String, Object>) map.get("stability");
        assertThat(stability).containsEntry("failed", false).containsEntry("stable", true).containsEntry("done", true);

        // nothing touched, nobody paged
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isEqualTo(updatesAfterFirst);
        assertThat(run.sim.calls(Api.PUBLISH)).isEqualTo(notificationsAfterFirst);
        assertThat(run.sim.currentRevision()).isEqualTo(first.to());
    }
}
