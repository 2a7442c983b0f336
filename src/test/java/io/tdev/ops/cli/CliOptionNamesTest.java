package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI speaks the pipeline steps' argument names too (--environment, --config-file), and the engine's errors,
 * which name request fields, reach the user with the CLI's own option names.
 */
class CliOptionNamesTest {
    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(new Main());
        return printed.run(cli, args);
    }

    @Test
    void environmentIsTheSameOptionAsEnv() throws IOException {
        assertThat(run("scale", "--simulate", "--environment", "staging", "--count", "+1", "--dry-run",
                "--output", "json")).as(printed.err()).isZero();
        String viaEnvironment = printed.out();
        assertThat(run("scale", "--simulate", "--env", "staging", "--count", "+1", "--dry-run",
                "--output", "json")).isZero();

        assertThat(viaEnvironment).isEqualTo(printed.out()).contains("t-developer-service-staging");
        assertThat(new ObjectMapper().readTree(viaEnvironment).get("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void environmentAndConfigFileWorkOnDemoAndIamPolicyToo() throws IOException {
        Path config = Files.writeString(dir.resolve("small.yaml"), "autoscaling:\n  maxTasks: 3\n");

        assertThat(run("iam-policy", "--environment", "staging", "--config-file", config.toString(),
                "--commands", "health")).as(printed.err()).isZero();
        assertThat(printed.out()).contains("t-developer-service-staging");
        assertThat(run("demo", "--environment", "prod")).isEqualTo(2);
        assertThat(printed.err()).contains("--env: got 'prod'");
    }

    @Test
    void bothSpellingsAtOnceAreRejectedAsTheSameOptionTwice() {
        assertThat(run("health", "--simulate", "--env", "staging", "--environment", "production")).isEqualTo(2);
        assertThat(printed.err()).contains("--env").contains("should be specified only once");
    }

    @Test
    void zeroTasksInProductionSaysToGiveForceNotToSetIt() {
        assertThat(run("scale", "--simulate", "--count", "0")).isEqualTo(2);

        assertThat(printed.err()).startsWith("error: --count: 0 tasks would stop")
                .contains("or give --force to scale to 0").doesNotContain("set force");
    }

    @Test
    void engineArgumentNamesBecomeOptionNames() {
        assertThat(run("deploy", "--simulate", "--image", "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0",
                "--timeout-minutes", "0")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --timeout-minutes: must be more than 0");

        assertThat(run("health", "--simulate", "--signals", "ecs-service,moon-phase")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --signals: got 'moon-phase'");

        assertThat(run("checklist", "--simulate", "--backup-max-age-hours", "0")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --backup-max-age-hours: must be a whole number of 1 or more, got 0");
    }

    @Test
    void configFileErrorsNameTheConfigOption() {
        assertThat(run("health", "--simulate", "--config-file", dir.resolve("missing.yaml").toString()))
                .isEqualTo(2);
        assertThat(printed.err()).contains("error: --config: no such file");
    }

    @Test
    void jsonErrorNamesTheOptionAsTheField() throws IOException {
        assertThat(run("scale", "--simulate", "--count", "0", "--output", "json")).isEqualTo(2);

        JsonNode error = new ObjectMapper().readTree(printed.out()).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("invalid-input");
        assertThat(error.get("field").asText()).isEqualTo("--count");
        assertThat(error.get("message").asText()).contains("give --force");
    }

    @Test
    void aFieldOfAnArgumentNamesTheOptionAndANameWithNoOptionIsLeftAlone() {
        OptionNames names = OptionNames.of(Main.commandLine(new Main()).getSubcommands().get("checklist")
                .getCommandSpec());

        assertThat(names.inCliTerms(new InvalidInputException("waive.backup", "a waiver needs a reason")).getMessage())
                .isEqualTo("--waive backup: a waiver needs a reason");
        assertThat(names.inCliTerms(new InvalidInputException("notify", "got 'x'")).field()).isEqualTo("--no-notify");
        InvalidInputException configField = new InvalidInputException("slo.cpuPercent", "got 170; allowed 0..100");
        assertThat(names.inCliTerms(configField)).isSameAs(configField);
    }
}
