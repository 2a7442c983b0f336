package io.tdev.ops.traffic;

import io.tdev.ops.api.traffic.DbResizeRequest;
import io.tdev.ops.api.traffic.DbResizeResult;
import io.tdev.ops.api.traffic.DbResizeUseCase;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.api.change.ChangeStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbResizeTest {
    private final TrafficFixture env = TrafficFixture.scenario("healthy");

    private DbResizeResult resize(String instanceClass, boolean now, boolean dryRun) {
        return DbResizeUseCase.over(env.ctx).run(new DbResizeRequest(instanceClass, now, dryRun));
    }

    @Test
    void aDryRunShowsCurrentToNewClassWhenAndTheMultiAzInterruptionAndChangesNothing() {
        DbResizeResult plan = resize("db.r6g.xlarge", true, true);

        assertThat(plan.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(plan.ok()).isTrue();
        assertThat(plan.from()).isEqualTo("db.r6g.large");
        assertThat(plan.to()).isEqualTo("db.r6g.xlarge");
        assertThat(plan.multiAz()).isTrue();
        assertThat(plan.downtime()).contains("Multi-AZ").contains("fails over").contains("now");
        assertThat(plan.actions()).singleElement().satisfies(a -> {
            assertThat(a.dryRun()).isTrue();
            assertThat(a.before()).isEqualTo("db.r6g.large");
            assertThat(a.after()).isEqualTo("db.r6g.xlarge");
        });
        assertThat(env.changes()).isEmpty();
        assertThat(env.sim.database().instanceClass()).isEqualTo("db.r6g.large");
    }

    @Test
    void appliedNowItWaitsUntilTheInstanceIsAvailableOnTheNewClass() {
        DbResizeResult done = resize("db.r6g.xlarge", true, false);

        assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(env.sim.database().instanceClass()).isEqualTo("db.r6g.xlarge");
        assertThat(env.sim.database().status()).isEqualTo("available");
        assertThat(env.progress).anySatisfy(line -> assertThat(line).contains("waiting for DB instance")
                .contains("modifying"));
    }

    @Test
    void leftForTheMaintenanceWindowItIsPendingAndTheInstanceStaysOnItsClass() {
        DbResizeResult started = resize("db.r6g.xlarge", false, false);

        assertThat(started.status()).isEqualTo(ChangeStatus.STARTED);
        assertThat(started.message()).contains("maintenance window");
        assertThat(env.sim.database().instanceClass()).isEqualTo("db.r6g.large");
        assertThat(env.sim.database().pendingInstanceClass()).isEqualTo("db.r6g.xlarge");
    }

    @Test
    void aClassRdsDoesNotOfferForTheEngineIsInvalidInputListingTheOnesItDoesAndNothingIsTouched() {
        assertThatThrownBy(() -> resize("db.x2iedn.32xlarge", true, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("instanceClass");
                    assertThat(e.getMessage()).contains("postgres 16.4").contains("db.r6g.xlarge").contains("db.t4g.medium");
                });
        assertThat(env.changes()).isEmpty();
    }

    @Test
    void aClassThatIsNotAnRdsClassNameIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new DbResizeRequest("r6g.xlarge", true, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("instanceClass"));
        assertThatThrownBy(() -> new DbResizeRequest("", true, false)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theClassItIsAlreadyOnIsUnchanged() {
        DbResizeResult same = resize("db.r6g.large", true, false);

        assertThat(same.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(env.changes()).isEmpty();
    }

    @Test
    void aSecondChangeWhileOneRunsIsAPreconditionThatSaysWhatIsUnderWay() {
        env.ctx.ports().databases().modifyInstanceClass(env.sim.databaseId(), "db.r6g.xlarge", true);

        assertThatThrownBy(() -> resize("db.r6g.2xlarge", true, false))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("modifying").hasMessageContaining("db.r6g.xlarge");
    }
}
