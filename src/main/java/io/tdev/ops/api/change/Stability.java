package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.TaskDefinitionRef;

/**
 * One look at a rollout. {@code done} when it will not change by waiting longer: either {@code stable} (the
 * service runs the expected {@code revision} with the expected count and one deployment) or {@code failed}.
 * {@code circuitBreakerRolledBack}: ECS's deployment circuit breaker took the expected revision back (a fact for
 * callers, who must not read it from {@code message}). The components, in this order, are the {@code stability} keys
 * of a change's JSON and step result.
 *
 * @param revision the revision the rollout should reach
 * @param current  the revision the PRIMARY deployment runs
 */
public record Stability(boolean done, boolean stable, boolean failed, String message, TaskDefinitionRef revision,
                        TaskDefinitionRef current, RolloutState rolloutState, int running, int desired, int pending,
                        boolean circuitBreakerRolledBack) {
    public Stability {
        if (stable && failed || (stable || failed) && !done) {
            throw new InvalidInputException("stability", "done " + done + ", stable " + stable + ", failed " + failed
                    + " contradict each other; pass the stability look unchanged");
        }
    }
}
