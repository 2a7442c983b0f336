package io.jenkins.plugins.tdevops;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's own arguments as the facade's argument map, under the facade's names. Unset arguments are left out so
 * the engine applies its defaults and validation.
 */
final class StepArgs {
    private final Map<String, Object> values = new LinkedHashMap<>();

    static StepArgs create() {
        return new StepArgs();
    }

    StepArgs put(String name, Object value) {
        if (value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()) {
            return this;
        }
        values.put(name, value);
        return this;
    }

    /** A required argument goes in even when missing or blank: "required" is the engine's message to give. */
    StepArgs required(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Map<String, Object> toMap() {
        return PlainData.copy(values);
    }
}
