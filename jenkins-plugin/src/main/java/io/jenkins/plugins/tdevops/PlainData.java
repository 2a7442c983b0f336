package io.jenkins.plugins.tdevops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of the engine's plain results into mutable, serializable JDK collections: waiting executions keep them
 * in program.dat, and a sandboxed Pipeline script reads them.
 */
final class PlainData {
    private PlainData() {
    }

    static LinkedHashMap<String, Object> copy(Map<String, ?> map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> copy.put(key, copyValue(value)));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> copy.put(String.valueOf(key), copyValue(v)));
            return copy;
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

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }
}
