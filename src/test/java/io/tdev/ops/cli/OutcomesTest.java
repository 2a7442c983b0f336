package io.tdev.ops.cli;

import io.tdev.ops.api.change.ChangeStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI decides on the result's {@code ok} fact, which ChangeStatus.ok() alone sets; never on status names. */
class OutcomesTest {

    @ParameterizedTest
    @EnumSource(value = ChangeStatus.class, names = {"FAILED", "TIMED_OUT", "ABANDONED"})
    void aChangeThatDidNotEndAsAskedExitsAsFailedWithWhereItStopped(ChangeStatus status) {
        Map<String, Object> result = Map.of("status", status.name(), "ok", status.ok(),
                "message", "rollout still running", "next", "tdev-ops rollback --target 42");

        assertThat(status.ok()).isFalse();
        assertThat(Outcomes.failed(result)).isTrue();
        assertThat(Outcomes.failure("rollback", result))
                .contains("rollback " + status + ": rollout still running")
                .contains("next: tdev-ops rollback --target 42");
    }

    @ParameterizedTest
    @EnumSource(value = ChangeStatus.class, names = {"COMPLETED", "STARTED", "PLANNED", "UNCHANGED"})
    void aChangeThatEndedAsAskedIsNotAFailure(ChangeStatus status) {
        Map<String, Object> result = Map.of("status", status.name(), "ok", status.ok());

        assertThat(status.ok()).isTrue();
        assertThat(Outcomes.failed(result)).isFalse();
        assertThat(Outcomes.failure("scale", result)).isNull();
    }

    @ParameterizedTest
    @EnumSource(ChangeStatus.class)
    void theStatusNameAloneDecidesNothing(ChangeStatus status) {
        assertThat(Outcomes.failed(Map.of("status", status.name()))).isFalse();
    }
}
