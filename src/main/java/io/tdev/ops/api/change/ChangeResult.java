package io.tdev.ops.api.change;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.RolloutState;

import java.util.List;

/**
 * What every change that rolls out (deploy, rollback, scale) says: from what to what, how it ended ({@link #ok()} is
 * {@link ChangeStatus#ok()}), where it stopped and what to run next, the last look at the rollout and its facts
 * ({@code rolloutState}, {@code circuitBreakerRolledBack}), and the actions done (the audit trail).
 */
public interface ChangeResult extends Outcome {
    ChangeStatus status();

    /** The revision (deploy, rollback) or desired count (scale) before the change. */
    Object from();

    /** The revision or desired count the change went to (null in a dry-run deploy: not registered yet). */
    Object to();

    String message();

    /** For a change that did not finish: what to run next; else null. */
    String next();

    /** The last look at the rollout, or null when the change did not wait. */
    Stability stability();

    RolloutState rolloutState();

    boolean circuitBreakerRolledBack();

    List<Action> actions();
}
