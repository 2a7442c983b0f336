package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's return value: the engine's result record as plain values ({@link PlainValues}, the CLI's JSON keys), in
 * mutable, serializable JDK collections, since the Pipeline script keeps it in its program state and a sandboxed
 * script reads it.
 */
final class PlainData {
    private PlainData() {
    }

    static LinkedHashMap<String, Object> of(Outcome result) {
        return copy((Map<?, ?>) PlainValues.of(result));
    }

    private static LinkedHashMap<String, Object> copy(Map<?, ?> map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value)));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(map);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        // anything else (an enum, an Instant) reaches the script as its text, as the CLI's JSON shows it
        return value.toString();
    }
}
