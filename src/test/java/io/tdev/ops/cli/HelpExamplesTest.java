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
        List<String> examples = readmeExamples();

        assertThat(examples).hasSizeGreaterThan(5);
        for (String example : examples) {
            List<String> args = words(example);
            assertThatCode(() -> Main.commandLine(new Main()).parseArgs(args.subList(1, args.size())
                    .toArray(String[]::new))).as(example).doesNotThrowAnyException();
        }
    }

    /**
     * Every example of every command's help and of the README runs on the simulation: the same command line with
     * {@code --simulate} instead of the AWS options, files it names made in a temporary directory, and a
     * placeholder image replaced by one the environment has. Exit 2 (invalid input) or 3 means the example is
     * stale; 0 and 1 are answers (a checklist may fail, a health check may be strict).
     */
    @Test
    void everyHelpAndReadmeExampleRunsOnTheSimulation(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        CommandLine top = Main.commandLine(new Main());
        List<String> examples = new ArrayList<>(examples(top));
        for (Map.Entry<String, CommandLine> sub : top.getSubcommands().entrySet()) {
            examples.addAll(examples(sub.getValue()));
            for (CommandLine nested : sub.getValue().getSubcommands().values()) {
                examples.addAll(examples(nested));
            }
        }
        examples.addAll(readmeExamples());
        java.nio.file.Path reports = java.nio.file.Files.createDirectories(dir.resolve("reports"));
        java.nio.file.Files.writeString(reports.resolve("TEST-a.xml"), "<testsuite name=\"a\" tests=\"1\""
                + " failures=\"0\" errors=\"0\" skipped=\"0\"><testcase name=\"t\" classname=\"a\"/></testsuite>");

        List<String> stale = new ArrayList<>();
        for (String example : examples) {
            List<String> args = onTheSimulation(words(example).subList(1, words(example).size()), dir, reports);
            if (args.isEmpty() || args.get(0).equals("help")) {
                continue;
            }
            CliOutput printed = CliOutput.ofLatestRun();
            int exit = printed.run(Main.commandLine(new Main()), args.toArray(String[]::new));
            // exit 1 is an answer, unless the example names something the environment does not have
            if (exit > 1 || printed.err().contains("not found") || printed.err().contains("does not exist")) {
                stale.add(example + "\n    ran as: " + String.join(" ", args) + "\n    exit " + exit + ": "
                        + printed.err().lines().filter(l -> l.startsWith("error")).findFirst().orElse(printed.err()));
            }
        }
        assertThat(examples).hasSizeGreaterThan(20);
        assertThat(stale).as("examples that no longer run").isEmpty();
    }

    private static final java.util.Set<String> AWS_OPTIONS = java.util.Set.of("--region", "--profile", "--role-arn",
            "--external-id", "--endpoint-url");
    private static final java.util.Set<String> FILE_OUTPUTS = java.util.Set.of("--junit-xml", "--html");

    /** {@code args} with --simulate instead of the AWS options, and the files they name made under {@code dir}. */
    private static List<String> onTheSimulation(List<String> args, java.nio.file.Path dir, java.nio.file.Path reports) {
        List<String> out = new ArrayList<>();
        boolean local = !args.isEmpty() && List.of("demo", "iam-policy", "help").contains(args.get(0));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!local && AWS_OPTIONS.contains(a)) {
                i++;
                continue;
            }
            out.add(a);
            if (i + 1 < args.size() && a.equals("--test-reports")) {
                out.add(reports.toString());
                i++;
            } else if (i + 1 < args.size() && FILE_OUTPUTS.contains(a)) {
                out.add(dir.resolve(java.nio.file.Path.of(args.get(i + 1)).getFileName()).toString());
                i++;
            } else if (i + 1 < args.size() && a.equals("--image") && args.get(i + 1).equals("IMG")) {
                out.add("123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0");
                i++;
            }
        }
        if (!local && !out.isEmpty() && !out.contains("--simulate") && !out.contains("--help")) {
            out.add("--simulate");
        }
        return out;
    }

    private static List<String> readmeExamples() throws java.io.IOException {
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
        return examples;
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
