package io.tdev.ops.docs;

import io.tdev.ops.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/runbook.md's coverage table names, for each runbook item, a command, a Jenkins step, a shared-library job and
 * its example: each must exist (a command of the CLI, a step's function name in the plugin, a var, an example that
 * calls that var), so the table cannot claim coverage that is not there.
 */
class RunbookCoverageTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern FUNCTION_NAME = Pattern.compile("getFunctionName\\(\\)\\s*\\{\\s*return \"(\\w+)\"");

    private static List<String[]> rows() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/runbook.md"));
        String table = page.substring(page.indexOf("## Where each part is covered"));
        List<String[]> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (line.startsWith("| ") && !line.startsWith("| runbook item")) {
                rows.add(line.substring(2, line.length() - 2).split(" \\| "));
            }
        }
        return rows;
    }

    private static List<String> code(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> stepNames() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("jenkins-plugin/src/main/java/io/jenkins/plugins/tdevops"))) {
            return files.map(RunbookCoverageTest::read).flatMap(text -> FUNCTION_NAME.matcher(text).results())
                    .map(r -> r.group(1)).collect(Collectors.toSet());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTableCoversEveryPartOfTheRunbookDigest() throws IOException {
        List<String[]> rows = rows();
        String items = rows.stream().map(r -> r[0]).collect(Collectors.joining("\n"));

        assertThat(rows).hasSizeGreaterThanOrEqualTo(20).allSatisfy(r -> assertThat(r).hasSize(5));
        for (String part : List.of("SLOs", "Daily health check", "Weekly report", "Monthly maintenance", "P0", "P1",
                "P2", "Emergency rollback", "Slow responses", "Backup", "Recovery", "Security, daily",
                "Security incident", "Scaling", "Expected traffic", "Escalation", "Checklist before deploy",
                "Incident checklist", "Monthly checklist")) {
            assertThat(items).as("a row for the runbook's " + part).contains(part);
        }
    }

    @Test
    void everyCommandStepJobAndExampleTheTableNamesExists() throws IOException {
        Set<String> commands = Main.commandLine(new Main()).getSubcommands().keySet();
        Set<String> steps = stepNames();
        for (String[] row : rows()) {
            for (String command : code(row[1])) {
                assertThat(commands).as(row[0] + ": command " + command).contains(command.split(" ")[0]);
            }
            for (String step : code(row[2])) {
                assertThat(steps).as(row[0] + ": step " + step).contains(step);
            }
            List<String> vars = code(row[3]);
            assertThat(vars).as(row[0] + ": a job").isNotEmpty();
            for (String var : vars) {
                assertThat(ROOT.resolve("vars/" + var + ".groovy")).as(row[0]).exists();
                assertThat(ROOT.resolve("vars/" + var + ".txt")).as(row[0]).exists();
            }
            for (String example : code(row[4])) {
                assertThat(ROOT.resolve(example)).as(row[0]).exists();
                assertThat(Files.readString(ROOT.resolve(example))).as(row[0] + ": " + example + " runs the job")
                        .containsAnyOf(vars.toArray(String[]::new));
            }
        }
    }
}
