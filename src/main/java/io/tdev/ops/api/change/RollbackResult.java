package io.tdev.ops.api.change;

import io.tdev.ops.api.PlainMarkdown;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.List;

/**
 * A rollback: from which revision to which, how the target was chosen, how it ended, the SNS notification
 * (message id, or why it failed; null when the team was not notified), and for FAILED / TIMED_OUT where it stopped
 * and what to run next. The components, in this order, are the JSON keys and the step's return value
 * ({@link PlainValues}); make one with {@link #of}.
 */
public record RollbackResult(TaskDefinitionRef from, TaskDefinitionRef to, ChangeStatus status, boolean ok,
                             String target, String chosenBecause, String reason, String by, String message,
                             String next, String notification, String stoppedDeploymentId, RolloutState rolloutState,
                             boolean circuitBreakerRolledBack, Stability stability, List<Action> actions)
        implements ChangeResult {
    public RollbackResult {
        ChangeFacts.check("RollbackResult", status, ok, rolloutState, circuitBreakerRolledBack, stability);
        actions = List.copyOf(actions);
    }

    public static RollbackResult of(TaskDefinitionRef from, TaskDefinitionRef to, String target, String chosenBecause,
                                    ChangeStatus status, String reason, String by, String message, String next,
                                    String notification, String stoppedDeploymentId, Stability stability,
                                    List<Action> actions) {
        return new RollbackResult(from, to, status, status.ok(), target, chosenBecause, reason, by, message, next,
                notification, stoppedDeploymentId, ChangeFacts.rolloutState(stability),
                ChangeFacts.circuitBreakerRolledBack(stability), stability, actions);
    }


    @Override
    public String markdown() {
        return PlainMarkdown.of("tdev-ops rollback", PlainValues.map(this));
    }
}
