package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy gate through the CLI on the simulation: the holes of issue 9's first group stay closed. */
class CliGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        return printed.run(new CommandLine(new Main()), args);
    }

    private Path reports() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("TEST-a.xml"), "<testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\""
                + " skipped=\"0\"><testcase name=\"t\" classname=\"a\"/></testsuite>");
        return reports;
    }

    @Test
    void aBakeShorterThanOnePollIsAnInvalidConfig() throws IOException {
        Path config = Files.writeString(dir.resolve("bake.yaml"), "deploy:\n  bakeMinutes: 0\n");

        assertThat(run("demo", "--scenario", "good", "--config", config.toString())).isEqualTo(2);
        assertThat(printed.err()).contains("deploy.bakeMinutes").contains("got 0").contains("deploy.pollSeconds");
    }

    @Test
    void theDemoMarksKnownGoodOnlyAfterAHealthyCheckOnACompletedRollout() throws IOException {
        // one minute of bake: the rollout is still replacing tasks at its last check
        Path config = Files.writeString(dir.resolve("bake.yaml"), "deploy:\n  bakeMinutes: 1\n");

        int exit = run("demo", "--scenario", "good", "--config", config.toString());

        assertThat(exit).as(printed.out()).isEqualTo(1);
        assertThat(printed.out()).contains("not marked known-good").doesNotContain("known-good   t-developer");
    }

    @Test
    void aBaselineInTheFutureIsExitTwo() {
        assertThat(run("health", "--simulate", "--baseline-time", "2030-01-01T00:00:00Z")).isEqualTo(2);
        assertThat(printed.err()).contains("--baseline-time").contains("2030-01-01");
    }

    @Test
    void aWaiverWithoutWaivedByIsExitTwoAndChangesNothing() throws IOException {
        int exit = run("checklist", "--simulate", "--test-reports", reports().toString(),
                "--waive", "image-scan=not reachable", "--output", "json");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.out() + printed.err()).contains("--waived-by");
    }

    @Test
    void aDryRunChecklistThatWouldPassIsExitZero() throws IOException {
        int exit = run("checklist", "--simulate", "--dry-run", "--test-reports", reports().toString(),
                "--image", "t-developer-backend-production:2.1.0", "--output", "json");

        assertThat(exit).as(printed.out() + printed.err()).isZero();
        JsonNode plan = JSON.readTree(printed.out());
        assertThat(plan.get("wouldPass").asBoolean()).isTrue();
    }

    @Test
    void aDryRunChecklistThatWouldFailIsExitOne() throws IOException {
        int exit = run("checklist", "--simulate", "--scenario", "no-known-good", "--dry-run",
                "--test-reports", reports().toString(), "--image", "t-developer-backend-production:2.1.0",
                "--output", "json");

        assertThat(exit).isEqualTo(1);
        assertThat(JSON.readTree(printed.out()).get("wouldPass").asBoolean()).isFalse();
    }

    @Test
    void markKnownGoodOnARevisionAlreadyTaggedIsUnchanged() throws IOException {
        assertThat(run("mark-known-good", "--simulate", "--revision", "42", "--output", "json")).isZero();
        assertThat(JSON.readTree(printed.out()).get("status").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void deployOfABareRepositoryTagIsExitTwoNamingImageAndTheExpectedForm() throws IOException {
        assertThat(run("deploy", "--simulate", "--image", "t-developer-backend-production:x", "--output", "json"))
                .isEqualTo(2);
        JsonNode error = JSON.readTree(printed.out()).get("error");
        assertThat(error.get("field").asText()).isEqualTo("--image");
        assertThat(error.get("message").asText())
                .contains("<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>");
    }

    @Test
    void deployOfATagNotInEcrIsExitTwoSayingWhichRepositoryWasCheckedEvenInADryRun() {
        String missing = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:x";

        assertThat(run("deploy", "--simulate", "--image", missing, "--dry-run")).isEqualTo(2);
        assertThat(printed.err()).contains("--image")
                .contains("ECR repository 't-developer-backend-production' in registry 123456789012")
                .contains("no image tagged 'x'").doesNotContain("would register");
    }
}
