package io.tdev.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table: the first column (the scenario) left-aligned, the measured ones right-aligned. */
final class MarkdownTable {
    private final List<String> headers;
    private final List<Boolean> numeric;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... headers) {
        this.headers = List.of(headers);
        this.numeric = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            numeric.add(i > 0);
        }
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (boolean n : numeric) {
            out.append(n ? "---:|" : "---|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** The p90 of the samples, or a dash when there are too few runs for it to mean more than the median. */
    static String p90(Samples s) {
        return s.count() < 3 ? "-" : ms(s.p90());
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    static String count(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
