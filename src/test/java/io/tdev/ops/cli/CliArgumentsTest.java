package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options → request mapping, result rendering and exit codes: the change commands on a simulated environment
 * (their typed results say what the request was).
 */
class CliArgumentsTest {
    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofAllRuns();
    private final List<CommonOptions> opened = new ArrayList<>();
    private final List<AwsOptions> awsOpened = new ArrayList<>();

    /** Runs a command over a fresh simulation of {@code scenario}; the session reports one progress line first. */
    private int simulated(String scenario, String... args) {
        return simulated(scenario, sim -> { }, args);
    }

    private int simulated(String scenario, java.util.function.Consumer<SimEnvironment> prepare, String... args) {
        SessionFactory sessions = (common, aws, progress) -> {
            opened.add(common);
            awsOpened.add(aws);
            progress.report("waiting for nothing (0s of 0s)");
            EnvironmentConfig config = ConfigLoader.load(common.env(), common.config());
            SimEnvironment sim = SimEnvironment.scenario(scenario, config);
            prepare.accept(sim);
            return new OpenContext(new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), progress, "alice"),
                    null);
        };
        return printed.run(Main.commandLine(new Main(sessions)), args);
    }

    /** The JSON the latest run printed (stdout collects every run: a top-level object starts a line with '{'). */
    private JsonNode json() throws Exception {
        String out = printed.out();
        int latest = out.lastIndexOf("\n{");
        return new ObjectMapper().readTree(latest < 0 ? out : out.substring(latest + 1));
    }

    @Test
    void rollbackMapsTargetReasonAndNegatedFlags() throws Exception {
        int exit = simulated("bad-deploy", "rollback", "--target", "previous", "--reason", "5xx", "--no-notify",
                "--dry-run", "--timeout-minutes", "5", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode result = json();
        assertThat(result.get("target").asText()).isEqualTo("previous");
        assertThat(result.get("reason").asText()).isEqualTo("5xx");
        assertThat(result.get("status").asText()).isEqualTo("PLANNED");
        assertThat(result.get("actions").findValuesAsText("what")).doesNotContain("notify"); // --no-notify

        assertThat(simulated("bad-deploy", "rollback", "--target", "previous", "--no-wait", "--no-notify",
                "--output", "json")).isZero();
        assertThat(json().get("status").asText()).isEqualTo("STARTED"); // --no-wait
        assertThat(json().get("notification").isNull()).isTrue();
    }

    @Test
    void scaleCountIsRequiredAndNamedInTheError() {
        int exit = simulated("healthy", "scale");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--count").contains("scale --help");
        assertThat(opened).isEmpty();
    }

    @Test
    void scalePassesCountAndForce() throws Exception {
        // production's minimum is 2 tasks: only --force goes below it
        assertThat(simulated("healthy", "scale", "--count", "1", "--dry-run")).isEqualTo(2);
        assertThat(printed.err()).contains("--count").contains("give --force");

        assertThat(simulated("healthy", "scale", "--count", "1", "--force", "--dry-run", "--output", "json")).isZero();
        assertThat(json().get("requested").asText()).isEqualTo("1");
        assertThat(json().get("to").asInt()).isEqualTo(1);
        assertThat(json().get("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void deployNeedsAnImageAndPassesNoWait() throws Exception {
        assertThat(simulated("healthy", "deploy")).isEqualTo(2);
        assertThat(printed.err()).contains("--image");

        String image = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.0.43";
        assertThat(simulated("healthy", "deploy", "--image", image, "--no-wait", "--container", "t-developer-backend",
                "--output", "json")).isZero();
        assertThat(json().get("status").asText()).isEqualTo("STARTED");
        assertThat(json().get("container").asText()).isEqualTo("t-developer-backend");
        assertThat(json().get("image").asText()).isEqualTo(image);

        assertThat(simulated("healthy", "deploy", "--image", image, "--container", "frontend")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --container: got 'frontend'");
    }

    @Test
    void deployThatFailedExitsOne() {
        String bad = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0-bad";
        assertThat(simulated("healthy", "deploy", "--image", bad, "--timeout-minutes", "10")).isEqualTo(1);
        assertThat(printed.err()).containsPattern("error: deploy (FAILED|TIMED_OUT): ").contains("next: tdev-ops rollback");
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
        assertThat(simulated("no-known-good", "rollback")).isEqualTo(1); // PreconditionFailedException
        assertThat(printed.err()).contains("error: nothing to roll back to").doesNotContain("at io.tdev");
        assertThat(simulated("bad-deploy", sim -> sim.faults().fail(Api.DESCRIBE_SERVICES, 1), "rollback"))
                .isEqualTo(3); // RemoteFailureException
        assertThat(printed.err()).contains("error: ").contains("ecs:DescribeServices").doesNotContain("at io.tdev");

        assertThat(simulated("healthy", sim -> { throw new IllegalStateException("boom"); }, "rollback")).isEqualTo(3);
        assertThat(printed.err()).contains("error: unexpected IllegalStateException: boom")
                .doesNotContain("\tat ");
    }

    @Test
    void jsonOutputIsTheResultsPlainValues() throws Exception {
        simulated("bad-deploy", "rollback", "--dry-run", "--output", "json");

        JsonNode json = json();
        assertThat(json.get("status").asText()).isEqualTo("PLANNED");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("actions").findValuesAsText("what")).containsExactly("stop deployment", "update service",
                "notify");
        assertThat(json.get("actions").get(0).get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void textOutputShowsActionsAsATable() {
        simulated("bad-deploy", "rollback", "--dry-run");

        assertThat(printed.out()).contains("status: PLANNED").contains("actions:").containsPattern("WHAT +TARGET")
                .containsPattern("update service +t-developer");
    }

    @Test
    void markdownOutputHasATable() {
        simulated("bad-deploy", "rollback", "--dry-run", "--output", "markdown");

        assertThat(printed.out()).contains("## tdev-ops rollback").contains("- **status**: PLANNED")
                .contains("| what | target | before | after | at | dryRun |").contains("| update service |");
    }

    @Test
    void progressLinesGoToStderrWithTheTime() {
        simulated("bad-deploy", "rollback", "--dry-run");

        assertThat(printed.err()).containsPattern("\\[\\d\\d:\\d\\d:\\d\\d] waiting for nothing");
        assertThat(printed.out()).doesNotContain("waiting for nothing");
    }

    @Test
    void invalidOutputFormatNamesTheAllowedValues() {
        assertThat(simulated("healthy", "health", "--output", "yaml")).isEqualTo(2);
        assertThat(printed.err()).contains("--output").contains("text, json, markdown");
    }

    @Test
    void unknownOptionIsInvalidInput() {
        assertThat(simulated("healthy", "rollback", "--taget", "previous")).isEqualTo(2);
        assertThat(printed.err()).contains("--taget");
    }

    @Test
    void awsOptionsReachTheSession() {
        simulated("healthy", "rollback", "--dry-run", "--region", "eu-west-1", "--profile", "ops",
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

        assertThat(simulated("healthy", "rollback", "--config", config.toString())).isEqualTo(2);
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
