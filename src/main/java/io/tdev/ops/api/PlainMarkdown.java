package io.tdev.ops.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Markdown of a result's plain values ({@link PlainValues}): scalars as a bullet list under the title, lists of
 * records as tables, nested records as key/value tables. The results that have no report of their own render
 * themselves with it, and the CLI prints the same for a result map, so the two cannot differ.
 */
public final class PlainMarkdown {
    /** Big pre-rendered values that only make sense in JSON (or written to a file). */
    private static final Set<String> JSON_ONLY = Set.of("junitXml", "markdown");

    private PlainMarkdown() {
    }

    /** "## TITLE", the scalars, then a section per list or nested map. */
    public static String of(String title, Map<String, ?> result) {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        StringBuilder sections = new StringBuilder();
        result.forEach((key, value) -> {
            if (JSON_ONLY.contains(key) || value == null) {
                return;
            }
            if (isTable(value)) {
                sections.append("\n### ").append(key).append("\n\n");
                table(sections, rows(value));
            } else if (value instanceof Collection<?> list) {
                sections.append("\n### ").append(key).append("\n\n");
                list.forEach(element -> sections.append("- ").append(escape(cell(element))).append('\n'));
                if (list.isEmpty()) {
                    sections.append("(none)\n");
                }
            } else if (value instanceof Map<?, ?> map) {
                sections.append("\n### ").append(key).append("\n\n| key | value |\n|---|---|\n");
                map.forEach((k, v) -> sections.append("| ").append(escape(String.valueOf(k))).append(" | ")
                        .append(escape(cell(v))).append(" |\n"));
            } else {
                out.append("- **").append(key).append("**: ").append(escape(String.valueOf(value))).append('\n');
            }
        });
        return out.append(sections).toString();
    }

    /** Rows as a Markdown table with the union of the rows' keys as columns, in first-seen order. */
    public static void table(StringBuilder out, List<Map<?, ?>> rows) {
        List<String> columns = columns(rows);
        out.append("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> out.append("---|"));
        out.append('\n');
        for (Map<?, ?> row : rows) {
            out.append("|");
            for (String column : columns) {
                out.append(' ').append(escape(cell(row.get(column)))).append(" |");
            }
            out.append('\n');
        }
    }

    /** The union of the rows' keys, in first-seen order. */
    public static List<String> columns(List<Map<?, ?>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.keySet().forEach(k -> columns.add(String.valueOf(k))));
        return new ArrayList<>(columns);
    }

    /** A non-empty list of maps: a table. */
    public static boolean isTable(Object value) {
        return value instanceof Collection<?> list && !list.isEmpty()
                && list.stream().allMatch(element -> element instanceof Map<?, ?>);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<?, ?>> rows(Object value) {
        return new ArrayList<>((Collection<Map<?, ?>>) value);
    }

    /** One value on one line: nested lists and maps compactly, line breaks flattened. */
    public static String cell(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + "=" + cell(v)));
            text = String.join(", ", parts);
        } else if (value instanceof Collection<?> list) {
            text = String.join("; ", list.stream().map(PlainMarkdown::cell).toList());
        } else {
            text = String.valueOf(value);
        }
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
