package io.tdev.ops.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomesTest {

    @ParameterizedTest
    @ValueSource(strings = {"FAILED", "TIMED_OUT", "ABANDONED", "timed-out"})
    void aChangeThatDidNotEndAsAskedExitsAsFailedWithWhereItStopped(String status) {
        Map<String, Object> result = Map.of("status", status, "message", "rollout still running", "next", "tdev-ops rollback --target 42");

        assertThat(Outcomes.failed(result)).isTrue();
        assertThat(Outcomes.failure("rollback", result))
                .contains("rollback " + status + ": rollout still running")
                .contains("next: tdev-ops rollback --target 42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPLETED", "STARTED", "PLANNED", "UNCHANGED"})
    void aChangeThatEndedAsAskedIsNotAFailure(String status) {
        Map<String, Object> result = Map.of("status", status);

        assertThat(Outcomes.failed(result)).isFalse();
        assertThat(Outcomes.failure("scale", result)).isNull();
    }
}
