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

/** Every command end to end: the real CLI, the real engine, the simulated environment. */
class CliSimulatedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        return printed.run(cli, args);
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(printed.out());
    }

    private Path reports(int failures) throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("TEST-io.tdev.AppTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="io.tdev.AppTest" tests="3" failures="%d" errors="0" skipped="0">
                  <testcase name="a" classname="io.tdev.AppTest"/>
                  <testcase name="b" classname="io.tdev.AppTest"/>
                  <testcase name="c" classname="io.tdev.AppTest">%s</testcase>
                </testsuite>
                """.formatted(failures, failures > 0 ? "<failure message=\"expected 2 but was 3\"/>" : ""));
        return reports;
    }

    @Test
    void healthOfAHealthyServiceIsExitZeroWithTheJsonContract() throws IOException {
        int exit = run("health", "--simulate", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode health = json();
        assertThat(health.get("status").asText()).isEqualTo("HEALTHY");
        assertThat(health.get("signals")).isNotEmpty();
        for (JsonNode signal : health.get("signals")) {
            assertThat(signal.has("name") && signal.has("status") && signal.has("value")).as(signal.toString()).isTrue();
        }
    }

    @Test
    void healthDuringAnAlarmStormIsExitOneNamingTheAlarms() throws IOException {
        int exit = run("health", "--simulate", "--scenario", "alarm-storm", "--output", "json");

        assertThat(exit).as(printed.err()).isEqualTo(1);
        JsonNode health = json();
        assertThat(health.get("status").asText()).isEqualTo("UNHEALTHY");
        assertThat(health.get("reasons").toString()).contains("t-developer");
    }

    @Test
    void healthTextNamesTheVerdictAndEverySignal() {
        int exit = run("health", "--simulate");

        assertThat(exit).isZero();
        assertThat(printed.out()).contains("status: HEALTHY").contains("NAME").contains("STATUS").contains("VALUE");
    }

    @Test
    void rollbackAfterABadDeployGoesToTheKnownGoodRevision() throws IOException {
        int exit = run("rollback", "--simulate", "--scenario", "bad-deploy", "--reason", "5xx", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode rollback = json();
        assertThat(rollback.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(rollback.get("from").asText()).isNotEqualTo(rollback.get("to").asText());
        assertThat(rollback.get("notification").asText()).isNotBlank();
        assertThat(printed.err()).contains("stable");
    }

    @Test
    void rollbackDryRunPlansAndChangesNothing() throws IOException {
        int exit = run("rollback", "--simulate", "--scenario", "bad-deploy", "--dry-run", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        assertThat(json().get("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void rollbackWhenAlreadyOnTheTargetSaysSoAndChangesNothing() throws IOException {
        int exit = run("rollback", "--simulate", "--target", "t-developer-backend-production:42", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode rollback = json();
        assertThat(rollback.get("status").asText()).isEqualTo("UNCHANGED");
        assertThat(rollback.get("actions")).isEmpty();
    }

    @Test
    void rollbackWithNoKnownGoodRevisionIsExitOneSayingWhatToDo() {
        int exit = run("rollback", "--simulate", "--scenario", "no-known-good");

        assertThat(exit).isEqualTo(1);
        assertThat(printed.err()).contains("error: nothing to roll back to").contains("previous")
                .doesNotContain("Exception");
    }

    @Test
    void scaleByTwoGoesFromTheCurrentCount() throws IOException {
        int exit = run("scale", "--simulate", "--count", "+2", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode scale = json();
        assertThat(scale.get("to").asInt()).isEqualTo(scale.get("from").asInt() + 2);
        assertThat(scale.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void scaleWithAnInvalidCountIsExitTwoNamingTheArgument() {
        int exit = run("scale", "--simulate", "--count", "lots");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("count").contains("lots");
    }

    @Test
    void checklistWithPassingTestsPassesWithEvidence() throws IOException {
        int exit = run("checklist", "--simulate", "--test-reports", reports(0).toString(), "--take-backup",
                "--image", "t-developer-backend-production:2.1.0", "--output", "json");

        assertThat(exit).as(printed.out() + "\n" + printed.err()).isZero();
        JsonNode checklist = json();
        assertThat(checklist.get("passed").asBoolean()).isTrue();
        assertThat(checklist.get("items")).hasSize(6);
        for (JsonNode item : checklist.get("items")) {
            assertThat(item.has("name") && item.has("status") && item.has("evidence")).as(item.toString()).isTrue();
        }
    }

    @Test
    void checklistWithAFailingTestIsExitOne() throws IOException {
        int exit = run("checklist", "--simulate", "--test-reports", reports(1).toString(), "--output", "json");

        assertThat(exit).isEqualTo(1);
        JsonNode checklist = json();
        assertThat(checklist.get("passed").asBoolean()).isFalse();
        assertThat(checklist.get("items").toString()).contains("tests-passed").contains("FAIL");
    }

    @Test
    void checklistWritesItsJUnitXmlWithOneTestCasePerItem() throws IOException {
        Path xml = dir.resolve("checklist.xml");
        int exit = run("checklist", "--simulate", "--test-reports", reports(0).toString(), "--skip", "image-scan",
                "--junit-xml", xml.toString(), "--output", "json");

        assertThat(exit).as(printed.err()).isEqualTo(1);
        assertThat(Files.readString(xml)).isEqualTo(json().get("junitXml").asText())
                .contains("<testsuite name=\"tdev-ops.pre-deploy-checklist.production\" tests=\"6\"");
    }

    @Test
    void checklistWaiverOfAnItemThatIsNotWaivableIsExitTwo() throws IOException {
        int exit = run("checklist", "--simulate", "--test-reports", reports(0).toString(),
                "--waive", "backup=no time", "--waived-by", "alice");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("backup").contains("image-scan");
    }

    @Test
    void deployOfAGoodImageCompletes() throws IOException {
        int exit = run("deploy", "--simulate", "--image", "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode deploy = json();
        assertThat(deploy.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(deploy.get("to").asText()).isNotEqualTo(deploy.get("from").asText());
    }

    @Test
    void deployOfABadImageThatNeverStabilisesIsExitOneWithTheNextStep() {
        int exit = run("deploy", "--simulate", "--image", "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0-bad",
                "--timeout-minutes", "5");

        assertThat(exit).isEqualTo(1);
        assertThat(printed.err()).contains("error: deploy").contains("next:");
    }

    @Test
    void failureWithJsonOutputIsAlsoJsonOnStdout() throws IOException {
        int exit = run("rollback", "--simulate", "--scenario", "no-known-good", "--output", "json");

        assertThat(exit).isEqualTo(1);
        JsonNode error = json().get("error");
        assertThat(error.get("kind").asText()).isEqualTo("precondition-failed");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.get("message").asText()).contains("nothing to roll back to");
    }

    @Test
    void markKnownGoodTagsTheGivenRevisionAndDryRunOnlyPlansIt() throws IOException {
        assertThat(run("mark-known-good", "--simulate", "--revision", "41", "--output", "json")).isZero();
        JsonNode marked = json();
        assertThat(marked.get("revision").asText()).isEqualTo("t-developer-backend-production:41");
        assertThat(marked.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(marked.get("tag").asText()).isEqualTo("tdev:known-good");

        assertThat(run("mark-known-good", "--simulate", "--revision", "41", "--dry-run", "--output", "json")).isZero();
        assertThat(json().get("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void scaleDryRunPlansWithinTheBounds() throws IOException {
        int exit = run("scale", "--simulate", "--count", "p0", "--dry-run", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode scale = json();
        assertThat(scale.get("status").asText()).isEqualTo("PLANNED");
        assertThat(scale.get("to").asInt()).isEqualTo(10);
    }

    @Test
    void zeroTasksInProductionWithoutForceIsExitTwoNamingForce() {
        assertThat(run("scale", "--simulate", "--count", "0")).isEqualTo(2);
        assertThat(printed.err()).contains("count").contains("force");
    }

    @Test
    void unknownScenarioIsExitTwo() {
        int exit = run("health", "--simulate", "--scenario", "meteor-strike");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--scenario: got 'meteor-strike'; allowed values: ")
                .contains("healthy", "bad-deploy", "alarm-storm");
    }

    @Test
    void scenarioWithoutSimulateIsExitTwo() {
        assertThat(run("health", "--scenario", "healthy")).isEqualTo(2);
        assertThat(printed.err()).contains("--scenario: only applies with --simulate");
    }

    @Test
    void awsOptionsWithSimulateAreExitTwo() {
        assertThat(run("health", "--simulate", "--region", "eu-west-1")).isEqualTo(2);
        assertThat(printed.err()).contains("--region").contains("--simulate");
    }

    @Test
    void unknownEnvironmentIsExitTwoListingTheBuiltIns() {
        assertThat(run("health", "--simulate", "--env", "prod")).isEqualTo(2);
        assertThat(printed.err()).contains("env: got 'prod'").contains("production, staging");
    }

    @Test
    void configOverrideReachesTheEngine() throws IOException {
        Path config = Files.writeString(dir.resolve("small.yaml"), "autoscaling:\n  maxTasks: 3\n");

        int exit = run("scale", "--simulate", "--config", config.toString(), "--count", "10");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("count: got 10").contains("2..3");
    }

    @Test
    void demoOfABadReleaseRollsBackAndExitsZero() {
        int exit = run("demo");

        assertThat(exit).as(printed.out() + "\n" + printed.err()).isZero();
        assertThat(printed.out())
                .containsPattern("09:00:00 T\\+00:00  checklist +tests-passed PASS")
                .containsPattern("T\\+\\d\\d:\\d\\d  deploy +started .*:42 -> .*:43")
                .containsPattern("T\\+\\d\\d:\\d\\d  bake +.*health UNHEALTHY \\(.*alarms UNHEALTHY: \\d+ in ALARM")
                .containsPattern("T\\+\\d\\d:\\d\\d  rollback +.*:43 -> .*:42 COMPLETED")
                .containsPattern("notification +alert topic: .*message [0-9a-f-]{36}")
                .containsPattern("health +after the rollback: HEALTHY")
                .contains("roll back to last-known-good")
                .contains("Outcome: ROLLED_BACK - as designed for scenario 'bad'");
    }

    @Test
    void demoOfAGoodReleaseMarksItKnownGoodAndExitsZero() throws IOException {
        int exit = run("demo", "--scenario", "good", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode demo = json();
        assertThat(demo.get("outcome").asText()).isEqualTo("MARKED_KNOWN_GOOD");
        assertThat(demo.get("asDesigned").asBoolean()).isTrue();
        assertThat(demo.get("decisions").toString()).contains("known-good").doesNotContain("roll back");
        assertThat(demo.get("timeline").get(0).get("at").asText()).isEqualTo("2026-11-26T09:00:00Z");
    }

    @Test
    void demoMarkdownHasTheDecisionRecordTable() {
        assertThat(run("demo", "--output", "markdown")).isZero();
        assertThat(printed.out()).contains("| at | elapsed | decision | why |").contains("### Timeline (virtual time)");
    }

    @Test
    void demoWithAnUnknownScenarioIsExitTwo() {
        assertThat(run("demo", "--scenario", "ugly")).isEqualTo(2);
        assertThat(printed.err()).contains("--scenario: got 'ugly'; allowed values: bad, good");
    }
}
