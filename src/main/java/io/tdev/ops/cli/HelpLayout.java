package io.tdev.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Help text that wraps only between words. picocli wraps with a line BreakIterator, which also breaks after '.' and
 * '/' (an image URI, {@code slo.cpuPercent}), so a copied example or field name breaks. Here every section is laid out
 * by picocli on a line wide enough never to wrap, then wrapped again at spaces: an option's description continues under
 * its column, and an example continues with " \" so that the copied lines still run in a shell.
 */
final class HelpLayout {
    static final int WIDTH = 100;
    private static final int UNWRAPPED = 1000;
    private static final String EXAMPLE = "  tdev-ops ";

    private HelpLayout() {
    }

    /** Applies the layout to {@code commandLine} and all its subcommands. */
    static void apply(CommandLine commandLine) {
        commandLine.setUsageHelpWidth(UNWRAPPED);
        apply(commandLine.getCommandSpec().usageMessage());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            apply(sub);
        }
    }

    private static void apply(UsageMessageSpec usage) {
        Map<String, IHelpSectionRenderer> wrapped = new LinkedHashMap<>();
        usage.sectionMap().forEach((key, renderer) -> wrapped.put(key, key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)
                // the synopsis follows its heading ("Usage: ") on the same line
                ? help -> wrap(renderer.render(help), help.synopsisHeading().length())
                : help -> wrap(renderer.render(help))));
        usage.sectionMap(wrapped);
    }

    /** Every line of {@code text} longer than {@link #WIDTH} wrapped at spaces, never inside a word. */
    static String wrap(String text) {
        return wrap(text, 0);
    }

    /** {@link #wrap(String)} for text whose first line starts {@code offset} columns in. */
    private static String wrap(String text, int offset) {
        String shifted = " ".repeat(offset) + text;
        String wrappedText = wrapAll(shifted);
        return wrappedText.substring(offset);
    }

    private static String wrapAll(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.join("\n", wrapLine(lines[i])));
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> wrapLine(String line) {
        List<String> out = new ArrayList<>();
        boolean example = line.startsWith(EXAMPLE);
        String indent = " ".repeat(example ? EXAMPLE.length() + 4 : hangingIndent(line));
        String rest = line;
        String prefix = "";
        int limit = example ? WIDTH - 2 : WIDTH; // room for " \"
        while ((prefix + rest).length() > WIDTH) {
            String current = prefix + rest;
            int at = current.lastIndexOf(' ', limit);
            while (at > 0 && current.charAt(at - 1) == ' ') {
                at--;
            }
            if (at <= prefix.length() + leading(rest)) {
                break; // one word longer than the line: left whole rather than broken
            }
            out.add(current.substring(0, at) + (example ? " \\" : ""));
            rest = current.substring(at).stripLeading();
            prefix = indent;
        }
        out.add(prefix + rest);
        return out;
    }

    /** Where a wrapped line continues: an option's description column, else the line's own indentation. */
    private static int hangingIndent(String line) {
        int lead = leading(line);
        int gap = line.indexOf("  ", lead);
        if (lead > 0 && gap > 0) {
            int column = gap;
            while (column < line.length() && line.charAt(column) == ' ') {
                column++;
            }
            if (column < WIDTH / 2) {
                return column;
            }
        }
        return lead;
    }

    private static int leading(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
