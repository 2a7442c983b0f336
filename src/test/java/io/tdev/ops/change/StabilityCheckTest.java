package io.tdev.ops.change;

import io.tdev.ops.api.change.Stability;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityCheckTest {
    private static final ServiceRef REF = new ServiceRef("c", "svc");
    private static final TaskDefinitionRef R7 = new TaskDefinitionRef("t-developer", 7);
    private static final TaskDefinitionRef R8 = new TaskDefinitionRef("t-developer", 8);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Deployment dep(String id, String status, TaskDefinitionRef td, RolloutState state, String reason,
                                  int desired, int running, int pending) {
        return new Deployment(id, status, td, state, reason, desired, running, pending, 0, T0, T0);
    }

    private static ServiceState service(TaskDefinitionRef current, int desired, int running, int pending, Deployment... ds) {
        return new ServiceState(REF, "ACTIVE", desired, running, pending, current, List.of(ds), List.of(), true, List.of());
    }

    @Test
    void oneCompletedDeploymentOfTheExpectedRevisionWithAllTasksRunningIsStable() {
        ServiceState s = service(R8, 3, 3, 0, dep("d8", "PRIMARY", R8, RolloutState.COMPLETED, null, 3, 3, 0));
        Stability look = StabilityCheck.look(s, R8, 3);
        assertThat(look.done()).isTrue();
        assertThat(look.stable()).isTrue();
        assertThat(look.failed()).isFalse();
    }

    @Test
    void aRolloutStillReplacingTasksIsNotDone() {
        ServiceState s = service(R8, 3, 2, 1, dep("d8", "PRIMARY", R8, RolloutState.IN_PROGRESS, null, 3, 1, 1),
                dep("d7", "ACTIVE", R7, RolloutState.COMPLETED, null, 3, 1, 0));
        Stability look = StabilityCheck.look(s, R8, null);
        assertThat(look.done()).isFalse();
        assertThat(look.message()).contains("running 2/3, pending 1");
    }

    @Test
    void aFailedRolloutOfTheExpectedRevisionIsDoneAndFailed() {
        ServiceState s = service(R8, 3, 1, 0, dep("d8", "PRIMARY", R8, RolloutState.FAILED, "tasks failed to start", 3, 0, 0),
                dep("d7", "ACTIVE", R7, RolloutState.COMPLETED, null, 3, 1, 0));
        Stability look = StabilityCheck.look(s, R8, null);
        assertThat(look.failed()).isTrue();
        assertThat(look.message()).contains("FAILED").contains("tasks failed to start");
        assertThat(look.circuitBreakerRolledBack()).as("failed, not rolled back").isFalse();
    }

    @Test
    void aCircuitBreakerRollbackAwayFromTheExpectedRevisionIsAFailure() {
        ServiceState s = service(R7, 3, 3, 0, dep("d9", "PRIMARY", R7, RolloutState.COMPLETED,
                "ECS deployment circuit breaker: rolling back to deploymentId d7", 3, 3, 0));
        Stability look = StabilityCheck.look(s, R8, null);
        assertThat(look.failed()).isTrue();
        assertThat(look.message()).contains("circuit breaker").contains(R8.toString());
        assertThat(look.circuitBreakerRolledBack()).as("the fact callers decide on, not the message").isTrue();
    }

    @Test
    void aDesiredCountOtherThanExpectedIsNotStableYet() {
        ServiceState s = service(R8, 3, 3, 0, dep("d8", "PRIMARY", R8, RolloutState.COMPLETED, null, 3, 3, 0));
        Stability look = StabilityCheck.look(s, R8, 10);
        assertThat(look.done()).isFalse();
        assertThat(look.message()).contains("expected 10");
    }
}
