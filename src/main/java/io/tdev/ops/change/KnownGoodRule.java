package io.tdev.ops.change;

import io.tdev.ops.api.change.Stability;
import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.Optional;

/**
 * The one rule for marking a freshly deployed revision known-good, used by every front end that marks after a bake
 * (the demo and the shared library's tdevDeploy ask for it with {@code requireHealthy}): the service runs that
 * revision, its rollout is completed (one deployment, running = desired), and a health check taken now is HEALTHY.
 * "No check was UNHEALTHY" is not enough: a bake that ends while tasks are still being replaced has seen nothing
 * of the new revision on its own.
 */
public final class KnownGoodRule {
    private KnownGoodRule() {
    }

    /** Why {@code revision} must not be marked now, or empty when it may. */
    public static Optional<String> refusal(ServiceState service, TaskDefinitionRef revision, HealthResult health) {
        if (!service.taskDefinition().equals(revision)) {
            return Optional.of("the service runs " + service.taskDefinition() + ", not " + revision);
        }
        Stability rollout = StabilityCheck.look(service, revision, null);
        if (!rollout.stable()) {
            return Optional.of("its rollout is not completed: " + rollout.message());
        }
        if (!health.healthy()) {
            return Optional.of("the health check at " + health.checkedAt() + " is " + health.status()
                    + (health.reasons().isEmpty() ? "" : " (" + String.join("; ", health.reasons()) + ")"));
        }
        return Optional.empty();
    }
}
