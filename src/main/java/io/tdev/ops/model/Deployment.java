package io.tdev.ops.model;

import java.time.Instant;

/**
 * One deployment of a service as ECS describes it. {@code status} is PRIMARY (the newest), ACTIVE (being
 * replaced) or INACTIVE. {@code rolloutStateReason} carries ECS's words, e.g. the circuit breaker's
 * "rolled back" message.
 */
public record Deployment(String id, String status, TaskDefinitionRef taskDefinition, RolloutState rolloutState,
                         String rolloutStateReason, int desired, int running, int pending, int failedTasks,
                         Instant createdAt, Instant updatedAt) {
    public boolean primary() {
        return "PRIMARY".equals(status);
    }
}
