package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;

import java.util.List;
import java.util.Map;

/**
 * A scaling: desired count {@code from} → {@code to}; the autoscaling bounds after it ({@code minCapacity},
 * {@code maxCapacity}; null when autoscaling is not registered) and, when they were changed, how to restore them.
 */
public record ScaleResult(int from, int to, String requested, ChangeStatus status, Integer minCapacity,
                          Integer maxCapacity, Integer previousMinCapacity, Integer previousMaxCapacity, String restore,
                          String message, String next, Stability stability, List<Action> actions) implements OpsResult {
    public ScaleResult {
        actions = List.copyOf(actions);
    }

    @Override
    public String summary() {
        return "scale " + status + ": " + message;
    }

    @Override
    public Map<String, Object> toMap() {
        return ChangeResultMap.of(from, to, status)
                .put("requested", requested)
                .put("minCapacity", minCapacity)
                .put("maxCapacity", maxCapacity)
                .put("previousMinCapacity", previousMinCapacity)
                .put("previousMaxCapacity", previousMaxCapacity)
                .put("restore", restore)
                .put("message", message)
                .put("next", next)
                .end(stability, actions);
    }

    /** Reads back {@link #toMap()} (the plugin keeps it between the first call and {@link FinishRollout}). */
    static ScaleResult from(ResultMaps m) {
        return new ScaleResult(m.requiredInt("from"), m.requiredInt("to"), m.requiredString("requested"),
                m.enumValue("status", ChangeStatus.class), m.integer("minCapacity"), m.integer("maxCapacity"),
                m.integer("previousMinCapacity"), m.integer("previousMaxCapacity"), m.string("restore"),
                m.string("message"), m.string("next"), ChangeResultMap.stability(m), m.actions("actions"));
    }
}
