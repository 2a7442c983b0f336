package io.tdev.ops.cli;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.ScaleResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI decides on the result's {@code ok} fact, which ChangeStatus.ok() alone sets; never on status names. */
class OutcomesTest {

    @ParameterizedTest
    @EnumSource(value = ChangeStatus.class, names = {"FAILED", "TIMED_OUT", "ABANDONED"})
    void aChangeThatDidNotEndAsAskedIsNotOkAndSaysWhereItStopped(ChangeStatus status) {
        ScaleResult result = ScaleResult.of(3, 5, "+2", status, null, null, null, null, null, "rollout still running",
                "tdev-ops scale --count 5", null, List.of());

        assertThat(result.ok()).isFalse();
        assertThat(Outcomes.failure("scale", result.status(), result.message(), result.next()))
                .contains("scale " + status + ": rollout still running")
                .contains("next: tdev-ops scale --count 5");
    }

    @ParameterizedTest
    @EnumSource(value = ChangeStatus.class, names = {"COMPLETED", "STARTED", "PLANNED", "UNCHANGED"})
    void aChangeThatEndedAsAskedIsOk(ChangeStatus status) {
        assertThat(ScaleResult.of(3, 5, "+2", status, null, null, null, null, null, "m", null, null, List.of()).ok())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(ChangeStatus.class)
    void aResultCannotClaimAnOkItsStatusDoesNotHave(ChangeStatus status) {
        assertThatThrownBy(() -> new ScaleResult(3, 5, status, !status.ok(), "+2", null, null, null, null, null, "m",
                null, null, false, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
