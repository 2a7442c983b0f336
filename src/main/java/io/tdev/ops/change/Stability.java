package io.tdev.ops.change;


import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One look at a rollout. {@code done} when it will not change by waiting longer: either {@code stable} (the
 * service runs the expected revision with the expected count and one deployment) or {@code failed}.
 * {@code circuitBreakerRolledBack}: ECS's deployment circuit breaker took the expected revision back (a fact for
 * callers, who must not read it from {@code message}).
 */
public record Stability(boolean done, boolean stable, boolean failed, String message, TaskDefinitionRef expected,
                        TaskDefinitionRef current, RolloutState rolloutState, int running, int desired, int pending,
                        boolean circuitBreakerRolledBack) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", done);
        m.put("stable", stable);
        m.put("failed", failed);
        m.put("message", message);
        m.put("revision", expected == null ? null : expected.toString());
        m.put("current", current == null ? null : current.toString());
        m.put("rolloutState", rolloutState == null ? null : rolloutState.name());
        m.put("running", running);
        m.put("desired", desired);
        m.put("pending", pending);
        m.put("circuitBreakerRolledBack", circuitBreakerRolledBack);
        return m;
    }

    /** Reads back {@link #toMap()}; errors name the key under {@code field} (e.g. {@code stability.done}). */
    public static Stability fromMap(Map<?, ?> map, String field) {
        return from(ResultMaps.of(map, field));
    }

    static Stability from(ResultMaps m) {
        boolean done = m.bool("done");
        boolean stable = m.bool("stable");
        boolean failed = m.bool("failed");
        if (stable && failed || (stable || failed) && !done) {
            throw new io.tdev.ops.model.InvalidInputException(m.toString(), "done " + done + ", stable " + stable
                    + ", failed " + failed + " contradict each other; pass the stability look unchanged");
        }
        return new Stability(done, stable, failed, m.string("message"), m.optionalRef("revision"),
                m.optionalRef("current"), m.rolloutState("rolloutState"), m.requiredInt("running"),
                m.requiredInt("desired"), m.requiredInt("pending"),
                m.boolOrFalse("circuitBreakerRolledBack"));
    }
}
