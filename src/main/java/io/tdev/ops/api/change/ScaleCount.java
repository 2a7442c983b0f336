package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A requested task count, parsed once where it comes in: absolute {@code N}, delta {@code +N} / {@code -N}, or the
 * name of one of the environment's presets (p0, p1, ...), which only the environment resolves ({@link #resolve}).
 *
 * @param amount the count or change; null for a preset name not {@link #resolve resolved} yet
 * @param preset the preset's name (as configured) or, before {@link #resolve}, as written; null for a number
 * @param text   the count as the caller wrote it (the result's {@code requested})
 */
public record ScaleCount(boolean delta, Integer amount, String preset, String text) {
    private static final int LIMIT = 10_000;
    private static final int MAX_DIGITS = 9;
    private static final int MAX_PRESET_NAME = 64;

    /** Checks the form: a number, or a word that may name a preset (letters, digits, '-' and '_'). */
    public static ScaleCount parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("count", "is required; " + allowed(null));
        }
        String t = text.trim();
        if (isNumber(t)) {
            return number(t, "count", null);
        }
        if (!isPresetName(t)) {
            throw new InvalidInputException("count", "got '" + t + "'; " + allowed(null));
        }
        return new ScaleCount(false, null, t, t);
    }

    /** {@link #parse}, then {@link #resolve} against {@code presets}. */
    public static ScaleCount parse(String text, Map<String, String> presets) {
        return parse(text).resolve(presets);
    }

    /** The count a preset name stands for in an environment (a number resolves to itself). */
    public ScaleCount resolve(Map<String, String> presets) {
        if (amount != null) {
            return this;
        }
        Map<String, String> known = presets == null ? Map.of() : presets;
        for (Map.Entry<String, String> p : known.entrySet()) {
            if (p.getKey().equalsIgnoreCase(preset)) {
                ScaleCount value = number(p.getValue(), "scalePresets." + p.getKey(), known);
                return new ScaleCount(value.delta(), value.amount(), p.getKey(), text);
            }
        }
        throw new InvalidInputException("count", "got '" + text + "'; " + allowed(known));
    }

    private static boolean isNumber(String t) {
        String digits = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        return !digits.isEmpty() && digits.length() <= MAX_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isPresetName(String t) {
        return t.length() <= MAX_PRESET_NAME && Character.isLetter(t.charAt(0))
                && t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static ScaleCount number(String t, String field, Map<String, String> presets) {
        String v = t == null ? "" : t.trim();
        if (!isNumber(v)) {
            throw new InvalidInputException(field, "got '" + t + "'; " + allowed(presets));
        }
        boolean delta = v.startsWith("+") || v.startsWith("-");
        int amount = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        if (Math.abs(amount) > LIMIT) {
            throw new InvalidInputException(field, "got '" + t + "'; no service runs more than " + LIMIT + " tasks");
        }
        return new ScaleCount(delta, amount, null, v);
    }

    /** The allowed forms, with the environment's presets when known (null: not known where the request is made). */
    private static String allowed(Map<String, String> presets) {
        return "allowed: N (absolute task count), +N or -N (change), or a preset"
                + (presets == null ? " of the environment (its scalePresets, e.g. p0)"
                : presets.isEmpty() ? " (none configured)" : ": " + presets.entrySet().stream()
                .map(e -> e.getKey().toLowerCase(Locale.ROOT) + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", ")));
    }

    /** The count this asks for, starting from {@code current}; a preset must be {@link #resolve resolved} first. */
    public int applyTo(int current) {
        if (amount == null) {
            throw new IllegalStateException("preset " + preset + " is not resolved against the environment's presets");
        }
        return delta ? current + amount : amount;
    }
}
