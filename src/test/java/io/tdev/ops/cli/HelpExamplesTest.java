package io.tdev.ops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every example in every command's --help is a command line the CLI accepts. */
class HelpExamplesTest {

    @Test
    void everyHelpExampleParses() {
        CommandLine top = Main.commandLine(new Main());
        List<String> examples = new ArrayList<>(examples(top));
        for (Map.Entry<String, CommandLine> sub : top.getSubcommands().entrySet()) {
            examples.addAll(examples(sub.getValue()));
        }

        assertThat(examples).hasSizeGreaterThan(15);
        for (String example : examples) {
            List<String> args = words(example);
            assertThat(args.get(0)).isEqualTo("tdev-ops");
            assertThatCode(() -> Main.commandLine(new Main()).parseArgs(args.subList(1, args.size())
                    .toArray(String[]::new))).as(example).doesNotThrowAnyException();
        }
    }

    @Test
    void everyReadmeExampleParses() throws java.io.IOException {
        List<String> examples = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md"))) {
            String text = line.strip();
            if (pending.length() > 0 || text.startsWith("java -jar target/tdev-ops.jar ") || text.startsWith("bin/tdev-ops ")) {
                int comment = text.indexOf(" #");
                pending.append(comment < 0 ? text : text.substring(0, comment)).append(' ');
                if (text.endsWith("\\")) {
                    pending.setLength(pending.length() - 2);
                } else {
                    examples.add(commandOnly(pending.toString()).replace("java -jar target/tdev-ops.jar", "tdev-ops")
                            .replace("bin/tdev-ops", "tdev-ops").strip());
                    pending.setLength(0);
                }
            }
        }

        assertThat(examples).hasSizeGreaterThan(5);
        for (String example : examples) {
            List<String> args = words(example);
            assertThatCode(() -> Main.commandLine(new Main()).parseArgs(args.subList(1, args.size())
                    .toArray(String[]::new))).as(example).doesNotThrowAnyException();
        }
    }

    /** The tdev-ops part of a shell line: what a pipe or a redirection feeds is not ours to parse. */
    private static String commandOnly(String shellLine) {
        String line = shellLine;
        for (String operator : List.of(" | ", " > ")) {
            int at = line.indexOf(operator);
            if (at >= 0) {
                line = line.substring(0, at);
            }
        }
        return line;
    }

    private static List<String> examples(CommandLine command) {
        List<String> examples = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : command.getCommandSpec().usageMessage().footer()) {
            String text = line.strip();
            if (pending.length() > 0 || text.startsWith("tdev-ops ") || text.equals("tdev-ops")) {
                int comment = text.indexOf(" #");
                pending.append(comment < 0 ? text : text.substring(0, comment)).append(' ');
                if (text.endsWith("\\")) {
                    pending.setLength(pending.length() - 2);
                } else {
                    examples.add(pending.toString().strip());
                    pending.setLength(0);
                }
            }
        }
        return examples;
    }

    /** Splits like a shell: whitespace separates words, double quotes group them. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
