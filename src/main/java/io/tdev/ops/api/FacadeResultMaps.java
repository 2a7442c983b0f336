package io.tdev.ops.api;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads back a result map a use case returned earlier (the plugin keeps it between a {@code wait: false} call and
 * {@link FacadeFinishRollout}). Errors name the key under its prefix ({@code started.to}) and what it should hold.
 */
@Deprecated // removed with the facade's finishRollout (issue 8)
final class FacadeResultMaps {
    private final Map<?, ?> map;
    private final String prefix;

    private FacadeResultMaps(Map<?, ?> map, String prefix) {
        this.map = map;
        this.prefix = prefix;
    }

    static FacadeResultMaps of(Map<?, ?> map, String prefix) {
        if (map == null) {
            throw new InvalidInputException(prefix, "is required");
        }
        return new FacadeResultMaps(map, prefix);
    }

    @Override
    public String toString() {
        return prefix;
    }

    private String field(String key) {
        return prefix + "." + key;
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence || v instanceof Number) {
            return v.toString();
        }
        throw new InvalidInputException(field(key), "must be a string, got " + v.getClass().getSimpleName());
    }

    String requiredString(String key) {
        String s = string(key);
        if (s == null || s.isBlank()) {
            throw new InvalidInputException(field(key), "is required (it is in the result of the first call)");
        }
        return s;
    }

    TaskDefinitionRef ref(String key) {
        String s = requiredString(key);
        if (!TaskDefinitionRef.looksLikeRef(s)) {
            throw new InvalidInputException(field(key), "got '" + s + "'; allowed: FAMILY:REVISION or a task-definition ARN");
        }
        return TaskDefinitionRef.parse(s);
    }

    TaskDefinitionRef optionalRef(String key) {
        return string(key) == null ? null : ref(key);
    }

    Integer integer(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's name
        }
        throw new InvalidInputException(field(key), "must be a whole number, got '" + v + "'");
    }

    int requiredInt(String key) {
        Integer i = integer(key);
        if (i == null) {
            throw new InvalidInputException(field(key), "is required (it is in the result of the first call)");
        }
        return i;
    }

    /** A boolean that maps written before the key existed leave out: false then. */
    boolean boolOrFalse(String key) {
        return map.get(key) != null && bool(key);
    }

    boolean bool(String key) {
        Object v = map.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v != null && (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.toString());
        }
        throw InvalidInputException.notAllowed(field(key), v, List.of(true, false));
    }

    Instant instant(String key) {
        String s = string(key);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field(key), "got '" + s + "'; allowed: an ISO-8601 instant");
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = requiredString(key);
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.notAllowed(field(key), s, List.of(type.getEnumConstants()));
        }
    }

    RolloutState rolloutState(String key) {
        return string(key) == null ? RolloutState.UNKNOWN : enumValue(key, RolloutState.class);
    }

    /** The {@code actions} list as PlainValues wrote it (what, target, before, after, at, dryRun). */
    List<Action> actions(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new InvalidInputException(field(key), "must be a list of action maps");
        }
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new InvalidInputException(field(key) + "[" + i + "]", "must be a map (what, target, before, after, at, dryRun)");
            }
            FacadeResultMaps a = of(m, field(key) + "[" + i + "]");
            out.add(new Action(a.requiredString("what"), a.string("target"), a.string("before"), a.string("after"),
                    a.instant("at"), m.get("dryRun") != null && a.bool("dryRun")));
        }
        return out;
    }

    /** A nested map, e.g. the stability look kept in a result. */
    FacadeResultMaps nested(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new InvalidInputException(field(key), "must be a map");
        }
        return of(m, field(key));
    }
}
