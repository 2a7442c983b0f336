package io.tdev.ops.change;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scaling does what the runbook means (issue 9, third group): on the simulation with autoscaling 2..20. */
class ScaleRulesTest {
    private final SimRun run = SimRun.scenario("healthy");

    private ScaleResult scale(String count, boolean force) {
        return new Scale(run.ctx).run(ScaleRequest.of(count, force, true, null, false));
    }

    @Test
    void aScaleUpWithinTheBoundsRaisesMinCapacitySoTargetTrackingCannotScaleItBackIn() {
        ScaleResult r = scale("10", false);

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.scalableTarget()).get().extracting(ScalableTarget::minCapacity, ScalableTarget::maxCapacity)
                .containsExactly(10, 20);
        assertThat(r.minCapacity()).isEqualTo(10);
        assertThat(r.previousMinCapacity()).isEqualTo(2);
        assertThat(r.restore()).contains("--min-capacity 2").contains("--max-capacity 20");
        assertThat(r.actions()).extracting(a -> a.what()).contains("set autoscaling capacity", "set desired count");
    }

    @Test
    void theP0PresetPinsTheFloorToo() {
        ScaleResult r = scale("p0", false);

        assertThat(r.to()).isEqualTo(10);
        assertThat(run.sim.scalableTarget()).get().extracting(ScalableTarget::minCapacity).isEqualTo(10);
    }

    @Test
    void goingBelowTheConfiguredMinimumNeedsForce() {
        assertThatThrownBy(() -> scale("1", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("autoscaling.minTasks").hasMessageContaining("force");
        assertThatThrownBy(() -> scale("-2", false)).isInstanceOf(InvalidInputException.class);
        assertThat(run.sim.desiredCount()).isEqualTo(3);
        assertThat(run.sim.scalableTarget()).get().extracting(ScalableTarget::minCapacity).isEqualTo(2);

        ScaleResult forced = scale("1", true);

        assertThat(forced.to()).isEqualTo(1);
        assertThat(run.sim.scalableTarget()).get().extracting(ScalableTarget::minCapacity).isEqualTo(1);
        assertThat(forced.restore()).contains("--min-capacity 2");
    }

    @Test
    void scalingBackDownAfterAnIncidentLowersTheRaisedFloorWithoutForce() {
        scale("10", false);

        ScaleResult back = scale("3", false);

        assertThat(back.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(run.sim.scalableTarget()).get().extracting(ScalableTarget::minCapacity).isEqualTo(3);
    }
}
