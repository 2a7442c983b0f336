package io.tdev.ops.api;

import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one way a map of step arguments (the Jenkins plugin's, the shared library tests' binding) becomes a typed
 * request ({@code XxxRequest.fromArguments}): the argument map of one call, checked: unknown names and values of the wrong type are
 * {@link InvalidInputException}s naming the argument and what is allowed. Strings may come as any CharSequence
 * (Groovy GStrings), numbers as any Number or numeric string, booleans as Boolean or "true"/"false".
 */
public final class StepArguments {
    private final String operation;
    private final Map<String, ?> values;

    private StepArguments(String operation, Map<String, ?> values) {
        this.operation = operation;
        this.values = values;
    }

    public static StepArguments of(String operation, Map<String, ?> raw, Collection<String> allowed) {
        Map<String, ?> values = raw == null ? Map.of() : raw;
        for (Object key : values.keySet()) {
            if (!(key instanceof CharSequence) || !allowed.contains(key.toString())) {
                throw new InvalidInputException(String.valueOf(key), "unknown argument of " + operation
                        + "; valid arguments: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new StepArguments(operation, values);
    }

    private Object raw(String name) {
        return values.get(name);
    }

    public String string(String name) {
        Object v = raw(name);
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence || v instanceof Number) {
            return v.toString();
        }
        throw wrongType(name, v, "a string");
    }

    public String requiredString(String name) {
        String s = string(name);
        if (s == null || s.isBlank()) {
            throw new InvalidInputException(name, "is required"); // named by the field: front ends name it in their words
        }
        return s;
    }

    public boolean bool(String name, boolean fallback) {
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence cs) {
            String s = cs.toString().trim();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw InvalidInputException.notAllowed(name, v, List.of(true, false));
    }

    public Double number(String name) {
        Object v = raw(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof CharSequence cs) {
            try {
                return Double.parseDouble(cs.toString().trim());
            } catch (NumberFormatException e) {
                throw wrongType(name, v, "a number");
            }
        }
        throw wrongType(name, v, "a number");
    }

    public Integer positiveInt(String name) {
        Double d = number(name);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw new InvalidInputException(name, "must be a whole number of 1 or more, got " + raw(name));
        }
        return d.intValue();
    }

    /** A positive duration given in {@code unit}s (fractions allowed: 0.5 minutes). */
    public Duration positiveDuration(String name, Duration unit) {
        Double d = number(name);
        if (d == null) {
            return null;
        }
        if (!(d > 0) || d.isInfinite()) {
            throw new InvalidInputException(name, "must be more than 0, got " + raw(name));
        }
        return Duration.ofMillis(Math.round(d * unit.toMillis()));
    }

    public Instant instant(String name) {
        String s = string(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "got '" + s + "'; allowed: an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }

    public List<String> strings(String name) {
        Object v = raw(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof CharSequence cs) {
            List<String> out = new ArrayList<>();
            for (String part : cs.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object o : c) {
                if (!(o instanceof CharSequence)) {
                    throw wrongType(name, v, "a list of strings");
                }
                out.add(o.toString().trim());
            }
            return out;
        }
        throw wrongType(name, v, "a list of strings");
    }

    public Map<String, String> stringMap(String name) {
        Object v = raw(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw wrongType(name, v, "a map of item name to reason");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof CharSequence) || !(e.getValue() instanceof CharSequence)) {
                throw wrongType(name, v, "a map of item name to reason");
            }
            out.put(e.getKey().toString(), e.getValue().toString());
        }
        return out;
    }

    /** A nested map (e.g. an earlier call's result), as given. */
    public Map<?, ?> map(String name, String expected) {
        Object v = raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw wrongType(name, v, expected);
        }
        return m;
    }

    public Boolean optionalBool(String name) {
        return raw(name) == null ? null : bool(name, false);
    }

    public Set<String> stringSet(String name) {
        return Set.copyOf(strings(name));
    }

    private static InvalidInputException wrongType(String name, Object v, String expected) {
        return new InvalidInputException(name, "must be " + expected + ", got " + v.getClass().getSimpleName()
                + " '" + v + "'");
    }
}
