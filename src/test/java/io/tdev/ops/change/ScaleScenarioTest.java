package io.tdev.ops.change;

import io.tdev.ops.api.PlainValues;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleScenarioTest {
    private static ScaleRequest count(String count) {
        return ScaleRequest.of(count, false, true, null, false);
    }

    @Test
    void anAbsoluteCountWithinTheBoundsScalesAndWaitsUntilAllTasksRun() {
        SimRun run = SimRun.scenario("healthy");

        ScaleResult r = new Scale(run.ctx).run(count("5"));

        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(r.from()).isEqualTo(3);
        assertThat(r.to()).isEqualTo(5);
        assertThat(run.sim.service().running()).isEqualTo(5);
        // a scale-up holds: MinCapacity follows it, and the result says how to restore 2..20
        assertThat(r.restore()).contains("--min-capacity 2 --max-capacity 20");
        assertThat(r.minCapacity()).isEqualTo(5);
        assertThat(r.maxCapacity()).isEqualTo(20);
        assertThat(run.sim.calls(Api.REGISTER_SCALABLE_TARGET)).isEqualTo(1);
        assertThat(run.progress).anyMatch(l -> l.startsWith("waiting for t-developer-service-production"));
        assertThat(PlainValues.map(r)).containsEntry("from", 3).containsEntry("to", 5).containsEntry("status", "COMPLETED");
    }

    @Test
    void presetsP0AndP1ComeFromTheConfig() {
        SimRun run = SimRun.scenario("healthy");

        ScaleResult p1 = new Scale(run.ctx).run(count("p1"));
        ScaleResult p0 = new Scale(run.ctx).run(count("P0"));

        assertThat(p1.to()).isEqualTo(5);
        assertThat(p0.from()).isEqualTo(5);
        assertThat(p0.to()).isEqualTo(10);
        assertThat(run.sim.desiredCount()).isEqualTo(10);
    }

    @Test
    void aCountAboveTheHardMaximumIsInvalidInputNamingCountAndTheRange() {
        SimRun run = SimRun.scenario("healthy");

        assertThatThrownBy(() -> new Scale(run.ctx).run(count("25")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("count:").hasMessageContaining("allowed range 2..20")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("count"));
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
    }

    @Test
    void aDeltaBeyondTheBoundsIsClampedAndSaysSo() {
        SimRun run = SimRun.scenario("healthy");

        ScaleResult r = new Scale(run.ctx).run(count("+30"));

        assertThat(r.to()).isEqualTo(20);
        assertThat(r.message()).contains("clamped to 20");
    }

    @Test
    void aCountAboveTheRegisteredMaxRaisesMinAndMaxCapacityAndSaysHowToRestore() {
        SimRun run = new SimRun(SimEnvironment.builder(TestConfigs.production()).autoScaling(2, 8).build());

        ScaleResult r = new Scale(run.ctx).run(count("p0"));

        assertThat(r.to()).isEqualTo(10);
        assertThat(r.minCapacity()).isEqualTo(10);
        assertThat(r.maxCapacity()).isEqualTo(10);
        assertThat(r.previousMinCapacity()).isEqualTo(2);
        assertThat(r.previousMaxCapacity()).isEqualTo(8);
        assertThat(run.sim.scalableTarget()).get().extracting(ScalableTarget::minCapacity, ScalableTarget::maxCapacity)
                .containsExactly(10, 10);
        assertThat(r.restore()).contains("register-scalable-target")
                .contains("--resource-id service/t-developer-cluster-production/t-developer-service-production")
                .contains("--min-capacity 2 --max-capacity 8");
        assertThat(r.actions()).extracting(a -> a.what()).containsExactly("set autoscaling capacity", "set desired count");
        assertThat(r.status()).isEqualTo(ChangeStatus.COMPLETED);
    }

    @Test
    void aForcedCountBelowTheRegisteredMinLowersMinCapacity() {
        SimRun run = SimRun.scenario("healthy");

        ScaleResult r = new Scale(run.ctx).run(ScaleRequest.of("1", true, true, null, false));

        assertThat(r.minCapacity()).isEqualTo(1);
        assertThat(r.maxCapacity()).isEqualTo(20);
        assertThat(r.restore()).contains("--min-capacity 2 --max-capacity 20");
        assertThat(run.sim.desiredCount()).isEqualTo(1);
    }

    @Test
    void zeroTasksInProductionAreRefusedUnlessForced() {
        SimRun run = SimRun.scenario("healthy");

        assertThatThrownBy(() -> new Scale(run.ctx).run(count("0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("protected environment").hasMessageContaining("force");
        assertThatThrownBy(() -> new Scale(run.ctx).run(count("-5")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("protected environment");
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();

        ScaleResult forced = new Scale(run.ctx).run(ScaleRequest.of("0", true, true, null, false));
        assertThat(forced.to()).isZero();
        assertThat(run.sim.desiredCount()).isZero();
    }

    @Test
    void zeroTasksInStagingAreBelowItsMinimumSoNeedForceToo() {
        SimRun run = SimRun.scenario("healthy", TestConfigs.staging());

        assertThatThrownBy(() -> new Scale(run.ctx).run(count("0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("autoscaling.minTasks 2");
        assertThat(new Scale(run.ctx).run(ScaleRequest.of("0", true, true, null, false)).to()).isZero();
    }

    @Test
    void aDryRunReturnsThePlanAndMakesNoMutatingCall() {
        SimRun run = new SimRun(SimEnvironment.builder(TestConfigs.production()).autoScaling(2, 8).build());

        ScaleResult r = new Scale(run.ctx).run(ScaleRequest.of("p0", false, true, null, true));

        assertThat(r.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(r.actions()).hasSize(2).allMatch(a -> a.dryRun());
        assertThat(r.restore()).contains("--min-capacity 2 --max-capacity 8");
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThat(run.sim.calls(Api.REGISTER_SCALABLE_TARGET)).isZero();
        assertThat(run.sim.desiredCount()).isEqualTo(3);
    }

    @Test
    void withoutAutoscalingOnlyTheDesiredCountChanges() {
        SimRun run = SimRun.scenario("no-autoscaling");

        ScaleResult r = new Scale(run.ctx).run(count("+2"));

        assertThat(r.to()).isEqualTo(5);
        assertThat(r.minCapacity()).isNull();
        assertThat(r.maxCapacity()).isNull();
        assertThat(PlainValues.map(r)).containsEntry("minCapacity", null);
    }

    @Test
    void theCurrentCountIsUnchanged() {
        SimRun run = SimRun.scenario("healthy");

        ScaleResult r = new Scale(run.ctx).run(count("3"));

        assertThat(r.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isZero();
    }
}
