package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.model.InvalidInputException;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pipeline argument names are the engine's request fields under the CLI options' camelCase, plus the connection
 * arguments every step shares; the required ones are the engine's required ones, and the steps build the engine's
 * typed requests from exactly what was given.
 */
@WithJenkins
class StepArgumentNamesTest {
    private static final Set<String> CONNECTION =
            Set.of("environment", "configFile", "region", "credentialsId", "roleArn", "endpointUrl");

    private static void assertArguments(Class<? extends Step> step, Set<String> own, Set<String> required) {
        DescribableModel<?> model = DescribableModel.of(step);
        Set<String> names = model.getParameters().stream().map(DescribableParameter::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(own);
        expected.addAll(CONNECTION);
        assertEquals(expected, names, step.getSimpleName());
        Set<String> requiredNames = model.getParameters().stream().filter(DescribableParameter::isRequired)
                .map(DescribableParameter::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(required), requiredNames, step.getSimpleName() + " required");
    }

    @Test
    void everyStepTakesTheEnginesArgumentNames(JenkinsRule j) {
        assertArguments(TdevHealthCheckStep.class,
                Set.of("baselineTime", "ignoreAlarms", "windowMinutes", "signals", "signalTimeoutSeconds"), Set.of());
        assertArguments(TdevEcsDeployStep.class,
                Set.of("image", "container", "wait", "timeoutMinutes", "dryRun"), Set.of("image"));
        assertArguments(TdevMarkKnownGoodStep.class,
                Set.of("revision", "dryRun", "requireHealthy", "baselineTime", "ignoreAlarms"), Set.of());
        assertArguments(TdevRollbackStep.class,
                Set.of("target", "reason", "wait", "timeoutMinutes", "notify", "dryRun"), Set.of());
        assertArguments(TdevScaleStep.class,
                Set.of("count", "force", "wait", "timeoutMinutes", "dryRun"), Set.of("count"));
        assertArguments(TdevPreDeployChecklistStep.class,
                Set.of("image", "testReports", "backupMaxAgeHours", "takeBackup", "scanSeverity", "waive",
                        "waivedBy", "skip", "notify", "message", "dryRun", "scanTimeoutMinutes"), Set.of());
    }

    @Test
    void theChecklistsWaiversRoundTripAsTheSnippetGeneratorRendersThem(JenkinsRule j) {
        // Snippetizer renders a step through DescribableModel.uninstantiate; a Map argument cannot be described
        Map<String, Object> given = Map.of("waive", List.of(Map.of("item", "image-scan", "reason", "INC-1")),
                "waivedBy", "alice");
        DescribableModel<TdevPreDeployChecklistStep> model = DescribableModel.of(TdevPreDeployChecklistStep.class);
        TdevPreDeployChecklistStep step = model.instantiate(given);
        assertEquals(Map.of("image-scan", "INC-1"), Waiver.toMap(step.getWaive()));
        assertEquals(given, model.uninstantiate(step));
    }

    @Test
    void theStepsThatCannotResumeSayInTheirHelpHowToRunThemAgain() throws Exception {
        for (Class<?> step : List.of(TdevHealthCheckStep.class, TdevPreDeployChecklistStep.class,
                TdevMarkKnownGoodStep.class)) {
            try (var help = step.getResourceAsStream(step.getSimpleName() + "/help.html")) {
                String text = new String(help.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(text.contains("retry(count: 2, conditions: [nonresumable()])"), step.getSimpleName());
                assertTrue(text.contains("SynchronousResumeNotSupportedException"), step.getSimpleName());
            }
        }
    }

    @Test
    void theStepsMakeTheEnginesRequestsFromWhatWasGivenAndLeaveTheRestToItsDefaults(JenkinsRule j) throws Exception {
        TdevRollbackStep rollback = (TdevRollbackStep) DescribableModel.of(TdevRollbackStep.class)
                .instantiate(Map.of("target", "previous", "timeoutMinutes", 5, "environment", "staging"));
        assertEquals("staging", rollback.connection().environment());
        assertEquals(null, rollback.getWait());
        // the step waits by itself: the engine is asked without waiting; notify is the engine's default (on)
        assertEquals(RollbackRequest.of("previous", null, false, Duration.ofMinutes(5), true, false), rollback.request());

        TdevScaleStep scale = (TdevScaleStep) DescribableModel.of(TdevScaleStep.class)
                .instantiate(Map.of("count", "+2", "dryRun", true));
        assertEquals(ScaleRequest.of("+2", false, false, null, true), scale.request());

        TdevMarkKnownGoodStep mark = (TdevMarkKnownGoodStep) DescribableModel.of(TdevMarkKnownGoodStep.class)
                .instantiate(Map.of("requireHealthy", true, "baselineTime", "2026-01-31T09:00:00Z",
                        "ignoreAlarms", List.of("t-developer-canary")));
        assertEquals(MarkKnownGoodRequest.of(null, false, true, Instant.parse("2026-01-31T09:00:00Z"),
                Set.of("t-developer-canary")), mark.request());

        TdevHealthCheckStep health = (TdevHealthCheckStep) DescribableModel.of(TdevHealthCheckStep.class)
                .instantiate(Map.of("windowMinutes", 30, "signals", List.of("alarms")));
        assertEquals(new HealthRequest(null, Set.of(), Duration.ofMinutes(30), List.of("alarms"), null),
                health.request());
    }

    @Test
    void aRequiredArgumentLeftOutIsTheEnginesToRefuseNamingIt() {
        InvalidInputException count = assertThrows(InvalidInputException.class, () -> new TdevScaleStep(" ").request());
        assertEquals("count", count.field());
        InvalidInputException image = assertThrows(InvalidInputException.class,
                () -> new TdevEcsDeployStep(null).request());
        assertEquals("image", image.field());
        TdevHealthCheckStep health = new TdevHealthCheckStep();
        health.setBaselineTime("yesterday");
        assertEquals("baselineTime", assertThrows(InvalidInputException.class, health::request).field());
    }
}
