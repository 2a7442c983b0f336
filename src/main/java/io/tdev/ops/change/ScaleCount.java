package io.tdev.ops.change;

import io.tdev.ops.model.InvalidInputException;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A requested task count: absolute {@code N}, delta {@code +N} / {@code -N}, or a preset name (p0, p1, ...). */
public record ScaleCount(boolean delta, int amount, String preset, String text) {
    private static final int LIMIT = 10_000;

    public static ScaleCount parse(String text, Map<String, String> presets) {
        Map<String, String> known = presets == null ? Map.of() : presets;
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("count", "is required; " + allowed(known));
        }
        String t = text.trim();
        for (Map.Entry<String, String> p : known.entrySet()) {
            if (p.getKey().equalsIgnoreCase(t)) {
                ScaleCount value = number(p.getValue(), "scalePresets." + p.getKey(), known);
                return new ScaleCount(value.delta(), value.amount(), p.getKey(), t);
            }
        }
        return number(t, "count", known);
    }

    private static ScaleCount number(String t, String field, Map<String, String> presets) {
        String v = t == null ? "" : t.trim();
        if (!v.matches("[+-]?[0-9]{1,9}")) {
            throw new InvalidInputException(field, "got '" + t + "'; " + allowed(presets));
        }
        boolean delta = v.startsWith("+") || v.startsWith("-");
        int amount = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        if (Math.abs(amount) > LIMIT) {
            throw new InvalidInputException(field, "got '" + t + "'; no service runs more than " + LIMIT + " tasks");
        }
        return new ScaleCount(delta, amount, null, v);
    }

    private static String allowed(Map<String, String> presets) {
        return "allowed: N (absolute task count), +N or -N (change), or a preset"
                + (presets.isEmpty() ? " (none configured)" : ": " + presets.entrySet().stream()
                .map(e -> e.getKey().toLowerCase(Locale.ROOT) + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
    }

    /** The count this asks for, starting from {@code current}. */
    public int applyTo(int current) {
        return delta ? current + amount : amount;
    }
}
