package io.tdev.ops.api.change;

import io.tdev.ops.api.PlainMarkdown;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.List;

/**
 * A deploy: from which revision to which (null {@code to} in a dry run: not registered yet), the image, how it
 * ended, and for FAILED / TIMED_OUT where it stopped ({@code message}) and what to run next ({@code next}). The
 * components, in this order, are the JSON keys and the step's return value ({@link PlainValues}); make one with
 * {@link #of}.
 */
public record DeployResult(TaskDefinitionRef from, TaskDefinitionRef to, ChangeStatus status, boolean ok, String image,
                           String container, String deploymentId, String message, String next,
                           RolloutState rolloutState, boolean circuitBreakerRolledBack, Stability stability,
                           List<Action> actions) implements ChangeResult {
    public DeployResult {
        ChangeFacts.check("DeployResult", status, ok, rolloutState, circuitBreakerRolledBack, stability);
        actions = List.copyOf(actions);
    }

    public static DeployResult of(TaskDefinitionRef from, TaskDefinitionRef to, String container, String image,
                                  ChangeStatus status, String deploymentId, String message, String next,
                                  Stability stability, List<Action> actions) {
        return new DeployResult(from, to, status, status.ok(), image, container, deploymentId, message, next,
                ChangeFacts.rolloutState(stability), ChangeFacts.circuitBreakerRolledBack(stability), stability,
                actions);
    }


    @Override
    public String markdown() {
        return PlainMarkdown.of("tdev-ops deploy", PlainValues.map(this));
    }
}
