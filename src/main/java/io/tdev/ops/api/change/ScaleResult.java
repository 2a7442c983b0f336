package io.tdev.ops.api.change;

import io.tdev.ops.api.PlainMarkdown;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.RolloutState;

import java.util.List;

/**
 * A scaling: desired count {@code from} → {@code to}; the autoscaling bounds after it ({@code minCapacity},
 * {@code maxCapacity}; null when autoscaling is not registered) and, when they were changed, how to restore them.
 * The components, in this order, are the JSON keys and the step's return value ({@link PlainValues}); make one with
 * {@link #of}.
 */
public record ScaleResult(Integer from, Integer to, ChangeStatus status, boolean ok, String requested,
                          Integer minCapacity, Integer maxCapacity, Integer previousMinCapacity,
                          Integer previousMaxCapacity, String restore, String message, String next,
                          RolloutState rolloutState, boolean circuitBreakerRolledBack, Stability stability,
                          List<Action> actions) implements ChangeResult {
    public ScaleResult {
        ChangeFacts.check("ScaleResult", status, ok, rolloutState, circuitBreakerRolledBack, stability);
        if (from == null || to == null) {
            throw new IllegalArgumentException("ScaleResult: from and to are required");
        }
        actions = List.copyOf(actions);
    }

    public static ScaleResult of(int from, int to, String requested, ChangeStatus status, Integer minCapacity,
                                 Integer maxCapacity, Integer previousMinCapacity, Integer previousMaxCapacity,
                                 String restore, String message, String next, Stability stability,
                                 List<Action> actions) {
        return new ScaleResult(from, to, status, status.ok(), requested, minCapacity, maxCapacity, previousMinCapacity,
                previousMaxCapacity, restore, message, next, ChangeFacts.rolloutState(stability),
                ChangeFacts.circuitBreakerRolledBack(stability), stability, actions);
    }


    @Override
    public String markdown() {
        return PlainMarkdown.of("tdev-ops scale", PlainValues.map(this));
    }
}
