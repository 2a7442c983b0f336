package io.tdev.ops.cli;

import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS client options: validated before anything is opened, then carried into AwsSettings. */
class AwsOptionsTest {
    private final CliOutput printed = CliOutput.ofAllRuns();
    private final List<AwsSettings> settings = new ArrayList<>();

    /** The real sessions, stopped right after the AWS options became settings (no connection is opened). */
    private int run(String... args) {
        SessionFactory sessions = (common, aws, progress) -> {
            settings.add(aws.settings(ConfigLoader.load(common.env(), common.config())));
            throw new io.tdev.ops.model.PreconditionFailedException("stopped before connecting");
        };
        CommandLine cli = Main.commandLine(new Main(sessions));
        return printed.run(cli, args);
    }

    private int runReal(String... args) {
        CommandLine cli = Main.commandLine(new Main());
        return printed.run(cli, args);
    }

    @Test
    void clientOptionsBecomeTheSettings() {
        run("health", "--api-call-timeout-seconds", "60", "--api-call-attempt-timeout-seconds", "10",
                "--retry-mode", "adaptive", "--max-attempts", "5");

        AwsSettings given = settings.get(0);
        assertThat(given.apiCallTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(given.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(given.retryMode()).isEqualTo("adaptive");
        assertThat(given.maxAttempts()).isEqualTo(5);
    }

    @Test
    void withoutThemTheSdkDefaultsApply() {
        run("health");

        AwsSettings given = settings.get(0);
        assertThat(given.apiCallTimeout()).isNull();
        assertThat(given.apiCallAttemptTimeout()).isNull();
        assertThat(given.retryMode()).isNull();
        assertThat(given.maxAttempts()).isNull();
    }

    @Test
    void anUnknownRetryModeIsExitTwoListingTheModes() {
        assertThat(runReal("health", "--retry-mode", "eager")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --retry-mode: got 'eager'; allowed values: standard, adaptive");
    }

    @Test
    void maxAttemptsOutsideOneToTwentyIsExitTwo() {
        assertThat(runReal("health", "--max-attempts", "0")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --max-attempts: got 0; allowed: 1..20");
        assertThat(runReal("health", "--max-attempts", "21")).isEqualTo(2);
        assertThat(printed.err()).contains("--max-attempts: got 21");
    }

    @Test
    void timeoutsMustBePositiveAndTheAttemptFitsInTheCall() {
        assertThat(runReal("health", "--api-call-timeout-seconds", "0")).isEqualTo(2);
        assertThat(printed.err()).contains("error: --api-call-timeout-seconds: got 0; allowed: a whole number of seconds, 1 or more");

        assertThat(runReal("health", "--api-call-timeout-seconds", "5", "--api-call-attempt-timeout-seconds", "30"))
                .isEqualTo(2);
        assertThat(printed.err()).contains("--api-call-attempt-timeout-seconds: got 30; allowed: at most"
                + " --api-call-timeout-seconds (5)");
    }

    @Test
    void aNonNumberIsExitTwoNamingTheOption() {
        assertThat(runReal("health", "--max-attempts", "many")).isEqualTo(2);
        assertThat(printed.err()).contains("--max-attempts").contains("many");
    }

    @Test
    void clientOptionsDoNotApplyWithSimulate() {
        assertThat(runReal("health", "--simulate", "--retry-mode", "standard")).isEqualTo(2);
        assertThat(printed.err()).contains("--retry-mode: does not apply with --simulate");
    }
}
