package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The options → facade arguments mapping, result rendering and exit codes, with a scripted facade. */
class CliArgumentsTest {
    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofAllRuns();
    private RecordingOps ops;
    private final List<CommonOptions> opened = new ArrayList<>();
    private final List<AwsOptions> awsOpened = new ArrayList<>();

    private int run(Function<String, Map<String, Object>> answers, String... args) {
        ops = new RecordingOps(answers);
        SessionFactory sessions = (common, aws, progress) -> {
            opened.add(common);
            awsOpened.add(aws);
            progress.report("waiting for nothing (0s of 0s)");
            return new OpsSession(ops, null, ConfigLoader.load(common.env(), common.config()), Clock.systemUTC(),
                    null);
        };
        CommandLine cli = Main.commandLine(new Main(sessions));
        return printed.run(cli, args);
    }

    private static Function<String, Map<String, Object>> answer(Map<String, Object> result) {
        return use -> result;
    }

    private static Map<String, Object> health(String status) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("name", "alarms");
        signal.put("status", status);
        signal.put("value", 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", status);
        result.put("reasons", List.of("alarms: 1 in ALARM"));
        result.put("signals", List.of(signal));
        return result;
    }

    @Test
    void rollbackMapsTargetReasonAndNegatedFlags() {
        int exit = run(answer(Map.of("from", "t:7", "to", "t:6", "status", "ROLLED_BACK_TO_TARGET")),
                "rollback", "--target", "previous", "--reason", "5xx", "--no-wait", "--no-notify", "--dry-run",
                "--timeout-minutes", "5");

        assertThat(exit).isZero();
        assertThat(ops.called).isEqualTo("rollback");
        assertThat(ops.arguments).containsExactlyInAnyOrderEntriesOf(Map.of("target", "previous", "reason", "5xx",
                "wait", false, "notify", false, "dryRun", true, "timeoutMinutes", 5));
    }

    @Test
    void scaleCountIsRequiredAndNamedInTheError() {
        int exit = run(answer(Map.of()), "scale");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--count").contains("scale --help");
        assertThat(opened).isEmpty();
    }

    @Test
    void scalePassesCountAndForce() {
        run(answer(Map.of("from", 2, "to", 4, "status", "STABLE")), "scale", "--count", "+2", "--force");

        assertThat(ops.arguments).containsExactlyInAnyOrderEntriesOf(Map.of("count", "+2", "force", true));
    }

    @Test
    void deployNeedsAnImageAndPassesNoWait() {
        assertThat(run(answer(Map.of()), "deploy")).isEqualTo(2);
        assertThat(printed.err()).contains("--image");

        run(answer(Map.of("status", "IN_PROGRESS")), "deploy", "--image", "repo:2.1.0", "--no-wait",
                "--container", "backend");
        assertThat(ops.called).isEqualTo("ecsDeploy");
        assertThat(ops.arguments).containsExactlyInAnyOrderEntriesOf(Map.of("image", "repo:2.1.0", "wait", false,
                "container", "backend"));
    }

    @Test
    void deployThatFailedExitsOne() {
        assertThat(run(answer(Map.of("status", "FAILED", "ok", false)), "deploy", "--image", "repo:2")).isEqualTo(1);
    }

    @Test
    void checklistMapsWaiversSkipsAndEvidenceOptions() {
        CommandLine.ParseResult parsed = Main.commandLine(new Main()).parseArgs("checklist",
                "--test-reports", "target/surefire-reports", "--image", "repo:2.1.0",
                "--waive", "image-scan=CVE not reachable", "--waived-by", "alice", "--skip", "backup,monitoring",
                "--take-backup", "--no-notify", "--scan-severity", "critical", "--backup-max-age-hours", "12",
                "--scan-timeout-minutes", "5", "--message", "2.1.0 today", "--dry-run");
        ChecklistCommand command = (ChecklistCommand) parsed.subcommand().commandSpec().userObject();

        assertThat(command.request()).isEqualTo(new ChecklistRequest("repo:2.1.0", "target/surefire-reports", 12,
                true, Severity.CRITICAL, Map.of("image-scan", "CVE not reachable"), "alice",
                List.of("backup", "monitoring"), false, "2.1.0 today", true, Duration.ofMinutes(5)));
    }

    @Test
    void checklistWithoutOptionsAsksTheEnvironmentsDefaultsAndNotifiesTheTeam() {
        CommandLine.ParseResult parsed = Main.commandLine(new Main()).parseArgs("checklist");

        assertThat(((ChecklistCommand) parsed.subcommand().commandSpec().userObject()).request())
                .isEqualTo(ChecklistRequest.of(null, null));
    }

    @Test
    void exceptionKindsBecomeExitCodesWithOneLineAndNoStackTrace() {
        assertThat(run(use -> { throw new PreconditionFailedException("no known-good revision to roll back to"); },
                "rollback")).isEqualTo(1);
        assertThat(printed.err()).contains("error: no known-good revision").doesNotContain("at io.tdev");

        assertThat(run(use -> { throw new RemoteFailureException("ecs:UpdateService", "throttled", true); },
                "rollback")).isEqualTo(3);
        assertThat(run(use -> { throw new IllegalStateException("boom"); }, "rollback")).isEqualTo(3);
        assertThat(printed.err()).contains("error: unexpected IllegalStateException: boom")
                .doesNotContain("\tat ");
    }

    @Test
    void jsonOutputIsTheFacadeResult() throws Exception {
        run(answer(health("UNHEALTHY")), "rollback", "--output", "json");

        JsonNode json = new ObjectMapper().readTree(printed.out());
        assertThat(json.get("status").asText()).isEqualTo("UNHEALTHY");
        assertThat(json.get("signals").get(0).get("name").asText()).isEqualTo("alarms");
        assertThat(json.get("signals").get(0).get("value").asInt()).isEqualTo(1);
    }

    @Test
    void textOutputShowsSignalsAsATable() {
        run(answer(health("UNHEALTHY")), "rollback");

        assertThat(printed.out()).contains("status: UNHEALTHY").contains("NAME    STATUS     VALUE")
                .contains("alarms  UNHEALTHY  1");
    }

    @Test
    void markdownOutputHasATable() {
        run(answer(health("UNHEALTHY")), "rollback", "--output", "markdown");

        assertThat(printed.out()).contains("## tdev-ops rollback").contains("| name | status | value |")
                .contains("| alarms | UNHEALTHY | 1 |");
    }

    @Test
    void progressLinesGoToStderrWithTheTime() {
        run(answer(health("HEALTHY")), "rollback");

        assertThat(printed.err()).containsPattern("\\[\\d\\d:\\d\\d:\\d\\d] waiting for nothing");
        assertThat(printed.out()).doesNotContain("waiting for nothing");
    }

    @Test
    void invalidOutputFormatNamesTheAllowedValues() {
        assertThat(run(answer(Map.of()), "health", "--output", "yaml")).isEqualTo(2);
        assertThat(printed.err()).contains("--output").contains("text, json, markdown");
    }

    @Test
    void unknownOptionIsInvalidInput() {
        assertThat(run(answer(Map.of()), "rollback", "--taget", "previous")).isEqualTo(2);
        assertThat(printed.err()).contains("--taget");
    }

    @Test
    void awsOptionsReachTheSession() {
        run(answer(health("HEALTHY")), "rollback", "--region", "eu-west-1", "--profile", "ops",
                "--role-arn", "arn:aws:iam::123456789012:role/tdev-ops", "--external-id", "x-1",
                "--endpoint-url", "http://localhost:4566");

        var settings = awsOpened.get(0).settings(ConfigLoader.builtIn("production"));
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.profile()).isEqualTo("ops");
        assertThat(settings.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/tdev-ops");
        assertThat(settings.externalId()).isEqualTo("x-1");
        assertThat(settings.endpointUrl()).isEqualTo("http://localhost:4566");
    }

    @Test
    void invalidConfigFileExitsTwoNamingTheField() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "slo:\n  cpuPercent: 170\n");

        assertThat(run(answer(health("HEALTHY")), "rollback", "--config", config.toString())).isEqualTo(2);
        assertThat(printed.err()).contains("slo.cpuPercent: got 170; allowed 0..100");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : List.of("health", "deploy", "rollback", "scale", "checklist", "demo",
                "mark-known-good")) {
            CliOutput help = CliOutput.ofLatestRun();
            assertThat(help.run(Main.commandLine(new Main()), command, "--help")).isZero();
            assertThat(help.out()).as(command).contains("Usage: tdev-ops " + command).contains("Examples:")
                    .contains("tdev-ops " + command);
        }
    }

    @Test
    void noSubcommandIsInvalidInput() {
        CliOutput printed = CliOutput.ofLatestRun();

        assertThat(printed.run(Main.commandLine(new Main()))).isEqualTo(2);
        assertThat(printed.err()).contains("Missing required subcommand");
    }

    @Test
    void versionIsTheMavenProjectVersion() {
        CliOutput version = CliOutput.ofLatestRun();

        assertThat(version.run(Main.commandLine(new Main()), "--version")).isZero();
        assertThat(version.out()).startsWith("tdev-ops ").doesNotContain("${").doesNotContain("development");
    }
}
