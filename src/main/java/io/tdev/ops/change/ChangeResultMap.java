package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map of a change's result (deploy, rollback, scale), in the order every front end shows it: {@code from},
 * {@code to}, {@code status}, {@code ok} ({@link ChangeStatus#ok()}), the change's own fields, then the rollout's facts
 * ({@code rolloutState}, {@code circuitBreakerRolledBack}), {@code stability} and {@code actions}. Reading one back
 * ({@link #stability}) is the same for all three too.
 */
final class ChangeResultMap {
    private final Map<String, Object> map = new LinkedHashMap<>();

    private ChangeResultMap() {
    }

    static ChangeResultMap of(Object from, Object to, ChangeStatus status) {
        ChangeResultMap m = new ChangeResultMap();
        m.map.put("from", from);
        m.map.put("to", to);
        m.map.put("status", status.name());
        m.map.put("ok", status.ok());
        return m;
    }

    ChangeResultMap put(String name, Object value) {
        map.put(name, value);
        return this;
    }

    Map<String, Object> end(Stability stability, List<Action> actions) {
        // the rollout's facts, for callers that must not read them from a message
        map.put("rolloutState", stability == null || stability.rolloutState() == null ? null
                : stability.rolloutState().name());
        map.put("circuitBreakerRolledBack", stability != null && stability.circuitBreakerRolledBack());
        map.put("stability", stability == null ? null : stability.toMap());
        map.put("actions", OpsResult.actionMaps(actions));
        return map;
    }

    /** The {@code stability} a result map holds, or null (a result that did not look). */
    static Stability stability(ResultMaps m) {
        ResultMaps look = m.nested("stability");
        return look == null ? null : Stability.from(look);
    }
}
