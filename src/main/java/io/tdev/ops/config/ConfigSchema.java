package io.tdev.ops.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tdev.ops.model.InvalidInputException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of an environment YAML, read from the {@link EnvironmentConfig} records themselves so that a new
 * record field is a new valid key without touching this class.
 */
final class ConfigSchema {
    /** Fields that may be null: null means "use the default" (the SDK's region chain, the first container, Scan). */
    static final Set<String> NULLABLE = Set.of("region", "ecs.container", "table.createdAtIndex", "schedule.timeZone",
            "incident.admin.baseUrl", "incident.cache.namespace", "incident.cache.metric");

    private ConfigSchema() {
    }

    /**
     * Every key in {@code tree} is a field of the record it stands for, and every value has the field's type; all
     * violations are reported at once (the first one's path is the exception's field), so a file is fixed in one round.
     */
    static void checkKeys(JsonNode tree, String source) {
        List<String[]> problems = new ArrayList<>();
        checkKeys(tree, EnvironmentConfig.class, "", source, problems);
        if (!problems.isEmpty()) {
            StringBuilder all = new StringBuilder(problems.get(0)[1]);
            for (String[] other : problems.subList(1, problems.size())) {
                all.append(System.lineSeparator()).append("  ").append(other[0]).append(": ").append(other[1]);
            }
            throw new InvalidInputException(problems.get(0)[0], all + System.lineSeparator() + "  (" + source + ")");
        }
    }

    /** Every field of every record is present (non-null unless {@link #NULLABLE}). */
    static void checkRequired(JsonNode tree, String source) {
        List<String> missing = new ArrayList<>();
        collectMissing(tree, EnvironmentConfig.class, "", missing);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.get(0), "missing; required fields not set: "
                    + String.join(", ", missing) + " (" + source + ")");
        }
    }

    private static void checkKeys(JsonNode node, Type type, String path, String source, List<String[]> problems) {
        if (node == null || node.isNull()) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            if (!node.isObject()) {
                problems.add(new String[] {label(path), "got '" + node + "'; expected a mapping with the fields "
                        + String.join(", ", fieldNames(raw))});
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                RecordComponent component = component(raw, field.getKey());
                String fieldPath = join(path, field.getKey());
                if (component == null) {
                    problems.add(new String[] {fieldPath, "unknown field; valid fields"
                            + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", fieldNames(raw))});
                    continue;
                }
                checkKeys(field.getValue(), component.getGenericType(), fieldPath, source, problems);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                problems.add(new String[] {path, "got '" + node + "'; expected a mapping"});
                return;
            }
            Type valueType = typeArgument(type, 1);
            node.fields().forEachRemaining(e -> checkKeys(e.getValue(), valueType, join(path, e.getKey()), source,
                    problems));
        } else if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                problems.add(new String[] {path, "got '" + node + "'; expected a list such as [a, b]"});
                return;
            }
            Type elementType = typeArgument(type, 0);
            for (int i = 0; i < node.size(); i++) {
                checkKeys(node.get(i), elementType, path + "[" + i + "]", source, problems);
            }
        } else if (node.isContainerNode() || !scalarFits(node, raw)) {
            problems.add(new String[] {path, "got '" + node + "'; expected " + expected(raw)});
        }
    }

    /** Whether a YAML scalar can be the value of a field of type {@code raw} (a string field takes any scalar). */
    private static boolean scalarFits(JsonNode node, Class<?> raw) {
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return node.isIntegralNumber();
        }
        if (raw == double.class || raw == Double.class) {
            return node.isNumber();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return node.isBoolean();
        }
        return true;
    }

    private static void collectMissing(JsonNode node, Class<?> record, String path, List<String> missing) {
        for (RecordComponent component : record.getRecordComponents()) {
            String fieldPath = join(path, component.getName());
            JsonNode value = node == null ? null : node.get(component.getName());
            if (value == null || value.isNull()) {
                if (value == null || !NULLABLE.contains(fieldPath)) {
                    missing.add(fieldPath);
                }
            } else if (component.getType().isRecord()) {
                collectMissing(value, component.getType(), fieldPath, missing);
            }
        }
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return label(path.toString());
    }

    static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : references) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        return node;
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }

    private static List<String> fieldNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .orElse(null);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String label(String path) {
        return path.isEmpty() ? "config" : path;
    }
}
