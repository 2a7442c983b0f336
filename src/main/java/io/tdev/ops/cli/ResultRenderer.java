package io.tdev.ops.cli;

import io.tdev.ops.api.PlainMarkdown;
import io.tdev.ops.report.JsonReport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a result's plain form (a map of plain JDK values, from {@code PlainValues}) as pretty JSON, readable text, or Markdown. Lists of maps
 * (signals, items, actions) become tables; the checklist's pre-rendered {@code junitXml} is left out of text and
 * Markdown, and its {@code markdown} is used as is in Markdown.
 */
public final class ResultRenderer {
    /** Big pre-rendered values that only make sense in JSON (or written to a file). */
    private static final Set<String> JSON_ONLY = Set.of("junitXml", "markdown");
    /** Columns that would make a row wider than this are printed below it instead. */
    private static final int LINE_WIDTH = 120;

    private ResultRenderer() {
    }

    public static String render(OutputFormat format, String command, Map<String, ?> result) {
        return switch (format) {
            case json -> json(result);
            case text -> text(result);
            case markdown -> markdown(command, result);
        };
    }

    public static String json(Object value) {
        return JsonReport.render(value) + System.lineSeparator();
    }

    public static String text(Map<String, ?> result) {
        StringBuilder out = new StringBuilder();
        result.forEach((key, value) -> {
            if (JSON_ONLY.contains(key) || value == null) {
                return;
            }
            if (isTable(value)) {
                out.append(key).append(":\n");
                table(out, rows(value), "  ");
            } else if (value instanceof Collection<?> list) {
                out.append(key).append(":").append(list.isEmpty() ? " (none)" : "").append('\n');
                list.forEach(element -> out.append("  - ").append(cell(element, Integer.MAX_VALUE)).append('\n'));
            } else if (value instanceof Map<?, ?> map) {
                out.append(key).append(":").append(map.isEmpty() ? " (none)" : "").append('\n');
                map.forEach((k, v) -> out.append("  ").append(k).append(": ").append(cell(v, Integer.MAX_VALUE))
                        .append('\n'));
            } else {
                out.append(key).append(": ").append(value).append('\n');
            }
        });
        return out.toString();
    }

    public static String markdown(String command, Map<String, ?> result) {
        if (result.get("markdown") instanceof String prepared && !prepared.isBlank()) {
            return prepared.endsWith("\n") ? prepared : prepared + "\n";
        }
        return PlainMarkdown.of("tdev-ops " + command, result);
    }

    /**
     * Rows of a table with the union of the rows' keys as columns, in first-seen order. Columns with long values
     * (evidence, messages) do not fit a terminal line: they follow their row, one indented line each, in full.
     */
    static void table(StringBuilder out, List<Map<?, ?>> rows, String indent) {
        List<String> columns = columns(rows);
        List<String> narrow = new ArrayList<>();
        List<String> wide = new ArrayList<>();
        int lineWidth = 0;
        for (String column : columns) {
            int width = Math.max(column.length(), rows.stream()
                    .mapToInt(row -> cell(row.get(column), Integer.MAX_VALUE).length()).max().orElse(0));
            if (lineWidth + width <= LINE_WIDTH) {
                narrow.add(column);
                lineWidth += width + 2;
            } else {
                wide.add(column);
            }
        }
        // a single long column needs no alignment when it ends the row
        if (wide.size() == 1) {
            narrow.add(wide.remove(0));
        }
        int[] widths = new int[narrow.size()];
        List<String[]> cells = new ArrayList<>();
        for (Map<?, ?> row : rows) {
            String[] line = new String[narrow.size()];
            for (int i = 0; i < narrow.size(); i++) {
                line[i] = cell(row.get(narrow.get(i)), Integer.MAX_VALUE);
            }
            cells.add(line);
        }
        for (int i = 0; i < narrow.size(); i++) {
            widths[i] = narrow.get(i).length();
            for (String[] line : cells) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        appendRow(out, indent, narrow.stream().map(c -> c.toUpperCase()).toArray(String[]::new), widths);
        for (int r = 0; r < rows.size(); r++) {
            appendRow(out, indent, cells.get(r), widths);
            for (String column : wide) {
                String value = cell(rows.get(r).get(column), Integer.MAX_VALUE);
                if (!value.isEmpty()) {
                    out.append(indent).append("    ").append(column).append(": ").append(value).append('\n');
                }
            }
        }
    }

    private static void appendRow(StringBuilder out, String indent, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static List<String> columns(List<Map<?, ?>> rows) {
        return PlainMarkdown.columns(rows);
    }

    private static boolean isTable(Object value) {
        return PlainMarkdown.isTable(value);
    }

    private static List<Map<?, ?>> rows(Object value) {
        return PlainMarkdown.rows(value);
    }

    /** One value on one line: nested lists and maps compactly, text longer than {@code width} cut with an ellipsis. */
    static String cell(Object value, int width) {
        String text = PlainMarkdown.cell(value);
        return text.length() > width ? text.substring(0, width - 1) + "…" : text;
    }

}
