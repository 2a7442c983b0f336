package io.tdev.ops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help never wraps inside a word (an image URI, a config field), so what a person copies from it works. */
class HelpLayoutTest {
    private static List<CommandLine> everyCommand() {
        CommandLine top = Main.commandLine(new Main());
        List<CommandLine> all = new ArrayList<>(List.of(top));
        for (CommandLine sub : top.getSubcommands().values()) {
            all.add(sub);
            all.addAll(sub.getSubcommands().values());
        }
        return all;
    }

    @Test
    void everyWordOfEveryDescriptionAndExampleAppearsWholeInTheHelp() {
        for (CommandLine command : everyCommand()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> words = new ArrayList<>();
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                words.addAll(List.of(line.strip().split("\\s+")));
            }
            for (String line : command.getCommandSpec().usageMessage().description()) {
                words.addAll(List.of(line.strip().split("\\s+")));
            }
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                for (String line : option.description()) {
                    words.addAll(List.of(line.strip().split("\\s+")));
                }
            }
            for (String word : words) {
                if (!word.isBlank() && !word.contains("${") && !word.contains("%")) {
                    assertThat(help).as(command.getCommandName() + " help has '" + word + "' whole").contains(word);
                }
            }
        }
    }

    /** A lone % in a description is a format error picocli reports on stderr, and prints the text unformatted. */
    @Test
    void everyHelpRendersWithoutAPicocliWarning() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine command : everyCommand()) {
                command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            }
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void linesStayWithinTheWidthUnlessOneWordIsLonger() {
        for (CommandLine command : everyCommand()) {
            for (String line : command.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n")) {
                if (line.length() > HelpLayout.WIDTH) {
                    assertThat(line.strip()).as(command.getCommandName() + ": " + line).doesNotContain(" ");
                }
            }
        }
    }

    @Test
    void aLongExampleContinuesWithABackslashSoItStillRunsInAShell() {
        String wrapped = HelpLayout.wrap("  tdev-ops deploy --simulate --image 123456789012.dkr.ecr.eu-west-1"
                + ".amazonaws.com/t-developer-backend-production:2.1.0 --dry-run --output json");

        assertThat(wrapped).contains("123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:2.1.0");
        assertThat(wrapped.lines().toList()).hasSizeGreaterThan(1).first().asString().endsWith(" \\");
    }
}
