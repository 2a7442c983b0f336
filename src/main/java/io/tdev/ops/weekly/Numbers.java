package io.tdev.ops.weekly;

import java.util.Locale;

/** Rounding and formatting of the report's numbers (one place, so JSON, Markdown and HTML agree). */
final class Numbers {
    private Numbers() {
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** For people: "—" without data, else up to {@code decimals} decimals. */
    static String show(Number value, int decimals) {
        if (value == null) {
            return "no data";
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", value.longValue());
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value.doubleValue());
    }

    /** A signed difference: "+1.20", "-0.05", or "" when either side is missing. */
    static String delta(Double delta, int decimals) {
        return delta == null ? "" : String.format(Locale.ROOT, "%+." + decimals + "f", delta);
    }
}
