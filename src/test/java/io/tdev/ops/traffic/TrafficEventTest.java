package io.tdev.ops.traffic;

import io.tdev.ops.api.traffic.TrafficEventResult;
import io.tdev.ops.api.traffic.TrafficEventResult.ItemOutcome;
import io.tdev.ops.api.traffic.TrafficEventUseCase;
import io.tdev.ops.api.traffic.TrafficPrepareRequest;
import io.tdev.ops.api.traffic.TrafficRestoreRequest;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.api.change.ChangeStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficEventTest {
    private static final String TAG = "tdev:traffic-event";

    /** Every value a traffic event may change, as the environment has it now. */
    private static Map<String, Object> values(TrafficFixture env) {
        var target = env.sim.scalableTarget().orElseThrow();
        return Map.of("desired", env.sim.desiredCount(), "min", target.minCapacity(), "max", target.maxCapacity(),
                "db", env.sim.database().instanceClass(), "dbStatus", env.sim.database().status(),
                "tags", env.ctx.ports().ecs().serviceTags(env.ctx.config().serviceRef()));
    }

    private static TrafficEventUseCase event(TrafficFixture env) {
        return TrafficEventUseCase.over(env.ctx);
    }

    @Test
    void prepareThenRestoreLeavesEveryChangedValueExactlyAsItWas() {
        TrafficFixture env = TrafficFixture.scenario("healthy");
        Map<String, Object> before = values(env);

        TrafficEventResult prepared = event(env).prepare(new TrafficPrepareRequest(10, "db.r6g.xlarge", false));

        assertThat(prepared.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(env.sim.desiredCount()).isEqualTo(10);
        assertThat(env.sim.scalableTarget().orElseThrow().minCapacity()).isEqualTo(10);
        assertThat(env.sim.database().instanceClass()).isEqualTo("db.r6g.xlarge");
        assertThat(env.ctx.ports().ecs().serviceTags(env.ctx.config().serviceRef()).get(TAG))
                .startsWith("desired=3 min=2 max=20 db=db.r6g.large at=").endsWith("by=alice");
        assertThat(prepared.next()).contains("traffic-event restore");

        TrafficEventResult restored = event(env).restore(new TrafficRestoreRequest(false));

        assertThat(restored.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(values(env)).isEqualTo(before);
        assertThat(restored.changes()).extracting(TrafficEventResult.Change::outcome).containsOnly(ItemOutcome.CHANGED);
    }

    @Test
    void prepareSavesWhatItChangesBeforeTheFirstChange() {
        TrafficFixture env = TrafficFixture.scenario("healthy");

        event(env).prepare(new TrafficPrepareRequest(10, null, false));

        assertThat(env.changes()).first().isEqualTo("ecs:TagResource");
        assertThat(env.changes()).contains("application-autoscaling:RegisterScalableTarget", "ecs:UpdateService");
    }

    @Test
    void dryRunsPlanEveryItemAndChangeNothing() {
        TrafficFixture env = TrafficFixture.scenario("healthy");

        TrafficEventResult plan = event(env).prepare(new TrafficPrepareRequest(10, "db.r6g.xlarge", true));

        assertThat(plan.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(plan.changes()).extracting(TrafficEventResult.Change::what)
                .contains("desired tasks", "autoscaling min..max", "database class");
        assertThat(plan.actions()).allSatisfy(a -> assertThat(a.dryRun()).isTrue());
        assertThat(env.changes()).isEmpty();
        assertThat(event(env).restore(new TrafficRestoreRequest(true)).status()).isEqualTo(ChangeStatus.UNCHANGED);
    }

    @Test
    void aSecondPrepareIsRefusedSoTheSavedValuesAreNeverOverwritten() {
        TrafficFixture env = TrafficFixture.scenario("traffic-event-prepared");
        String saved = env.ctx.ports().ecs().serviceTags(env.ctx.config().serviceRef()).get(TAG);

        assertThatThrownBy(() -> event(env).prepare(new TrafficPrepareRequest(12, null, false)))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("already prepared").hasMessageContaining("traffic-event restore");
        assertThat(env.ctx.ports().ecs().serviceTags(env.ctx.config().serviceRef()).get(TAG)).isEqualTo(saved);
        assertThat(env.changes()).isEmpty();
    }

    @Test
    void restoreFromAnotherMachineReadsTheRecordOnTheServiceAndPutsItBack() {
        TrafficFixture env = TrafficFixture.scenario("traffic-event-prepared");

        TrafficEventResult restored = event(env).restore(new TrafficRestoreRequest(false));

        assertThat(restored.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(env.sim.desiredCount()).isEqualTo(3);
        assertThat(env.sim.scalableTarget().orElseThrow().minCapacity()).isEqualTo(2);
        assertThat(env.sim.scalableTarget().orElseThrow().maxCapacity()).isEqualTo(20);
        assertThat(env.sim.database().instanceClass()).isEqualTo("db.r6g.large");
        assertThat(env.ctx.ports().ecs().serviceTags(env.ctx.config().serviceRef())).doesNotContainKey(TAG);
        assertThat(env.changes()).last().isEqualTo("ecs:UntagResource");
    }

    @Test
    void aPrepareThatStopsPartWaySaysWhereAndRestoreRestoresOnlyWhatWasChanged() {
        TrafficFixture env = TrafficFixture.scenario("healthy");
        Map<String, Object> before = values(env);
        env.sim.faults().denyAccess("rds:ModifyDBInstance", 1);

        TrafficEventResult partial = event(env).prepare(new TrafficPrepareRequest(10, "db.r6g.xlarge", false));

        assertThat(partial.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(partial.ok()).isFalse();
        assertThat(partial.message()).contains("stopped at 'database class'").contains("changed so far")
                .contains("desired tasks 3 -> 10");
        assertThat(partial.next()).isEqualTo("tdev-ops traffic-event restore");
        assertThat(partial.changes()).filteredOn(c -> c.what().equals("database class"))
                .singleElement().extracting(TrafficEventResult.Change::outcome).isEqualTo(ItemOutcome.FAILED);

        TrafficEventResult restored = event(env).restore(new TrafficRestoreRequest(false));

        assertThat(restored.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(restored.changes()).filteredOn(c -> c.what().equals("database class")).singleElement()
                .extracting(TrafficEventResult.Change::outcome).isEqualTo(ItemOutcome.NOT_CHANGED_BY_PREPARE);
        assertThat(values(env)).isEqualTo(before);
    }

    @Test
    void restoreWithNothingPreparedChangesNothingAndSaysSo() {
        TrafficFixture env = TrafficFixture.scenario("healthy");

        TrafficEventResult restored = event(env).restore(new TrafficRestoreRequest(false));

        assertThat(restored.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(restored.message()).contains("nothing to restore");
        assertThat(env.changes()).isEmpty();
    }

    @Test
    void badInputNamesTheFieldBeforeAnythingIsRead() {
        assertThatThrownBy(() -> new TrafficPrepareRequest(0, null, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tasks"));
        TrafficFixture env = TrafficFixture.scenario("healthy");
        assertThatThrownBy(() -> event(env).prepare(new TrafficPrepareRequest(10, "db.z9.huge", false)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("instanceClass"));
        assertThat(env.changes()).isEmpty();
    }
}
