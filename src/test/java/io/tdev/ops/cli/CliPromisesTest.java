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

/** The CLI keeps its documented promises (issue 9, fourth group), on the simulation. */
class CliPromisesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        return printed.run(Main.commandLine(new Main()), args);
    }

    private JsonNode jsonError() throws IOException {
        JsonNode out = JSON.readTree(printed.out());
        assertThat(out.has("error")).as(printed.out()).isTrue();
        return out.get("error");
    }

    @Test
    void aJunitXmlPathThatCannotBeWrittenIsExitTwoBeforeAnythingRuns() throws IOException {
        int exit = run("checklist", "--simulate", "--junit-xml",
                dir.resolve("no/such/dir/out.xml").toString(), "--output", "json");

        assertThat(exit).isEqualTo(2);
        assertThat(jsonError().get("field").asText()).isEqualTo("--junit-xml");
        // no item was checked, nothing was published
        assertThat(printed.err()).doesNotContain("checklist tests-passed").doesNotContain("message id");
    }

    @Test
    void anEmptyOptionValueIsInvalidInput() throws IOException {
        assertThat(run("rollback", "--simulate", "--target", "", "--output", "json")).isEqualTo(2);
        assertThat(jsonError().get("field").asText()).isEqualTo("--target");
        assertThat(printed.err()).contains("--target").contains("empty");
    }

    @Test
    void anEmptyConfigPathSaysSoClearly() {
        assertThat(run("health", "--simulate", "--config", "")).isEqualTo(2);
        assertThat(printed.err()).contains("--config").contains("empty").doesNotContain("Is a directory");
    }

    @Test
    void iamPolicyForACommandThatNeedsNoAwsAccessIsInvalidInput() {
        assertThat(run("iam-policy", "--commands", "demo")).isEqualTo(2);
        assertThat(printed.err()).contains("--commands").contains("demo").contains("no AWS");
    }

    @Test
    void picocliParseErrorsAreJsonErrorsTooWithRetryable() throws IOException {
        assertThat(run("health", "--output", "json", "--bogus")).isEqualTo(2);
        JsonNode unknown = jsonError();
        assertThat(unknown.get("kind").asText()).isEqualTo("invalid-input");
        assertThat(unknown.get("retryable").asBoolean()).isFalse();

        assertThat(run("scale", "--simulate", "--count", "3", "--timeout-minutes", "ten", "--output", "json"))
                .isEqualTo(2);
        JsonNode notANumber = jsonError();
        assertThat(notANumber.get("field").asText()).isEqualTo("--timeout-minutes");
        assertThat(notANumber.has("retryable")).isTrue();
    }

    @Test
    void everyErrorObjectHasRetryable() throws IOException {
        assertThat(run("rollback", "--simulate", "--scenario", "no-known-good", "--output", "json")).isEqualTo(1);
        assertThat(jsonError().get("retryable").asBoolean()).isFalse();
        assertThat(run("scale", "--simulate", "--count", "0", "--output", "json")).isEqualTo(2);
        assertThat(jsonError().has("retryable")).isTrue();
    }

    @Test
    void messagesSpeakTheClisWords() throws IOException {
        assertThat(run("checklist", "--simulate", "--waive", "image-scan")).isEqualTo(2);
        assertThat(printed.err()).doesNotContain("option option").contains("--waive");

        Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        assertThat(run("health", "--simulate", "--config", list.toString())).isEqualTo(2);
        assertThat(printed.err()).doesNotContain("got a array").contains("got a list");

        assertThat(run("rollback", "--simulate", "--scenario", "no-known-good")).isEqualTo(1);
        assertThat(printed.err()).doesNotContain("markKnownGood").contains("mark-known-good");

        assertThat(run("checklist", "--simulate", "--output", "json")).isEqualTo(1);
        assertThat(printed.out()).doesNotContain("testReports:");
    }
}
