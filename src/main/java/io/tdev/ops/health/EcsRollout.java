package io.tdev.ops.health;

import io.tdev.ops.model.RolloutState;

/**
 * What the ecs-service signal saw of the rollout, as facts a caller decides on (the shared library's bake fails on
 * them) instead of reading the signal's prose: the PRIMARY deployment's {@code rolloutState} (null when the signal
 * was not read), whether a deployment's rollout {@code failed}, and whether ECS's deployment circuit breaker rolled
 * back the deployment being checked (one still rolling back, or one started after the baseline).
 */
public record EcsRollout(RolloutState rolloutState, boolean failed, boolean circuitBreakerRolledBack) {
    /** The ecs-service signal was not read (not asked for, or it failed). */
    public static final EcsRollout UNREAD = new EcsRollout(null, false, false);
}
