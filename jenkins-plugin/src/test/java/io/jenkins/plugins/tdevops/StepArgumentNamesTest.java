package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pipeline argument names are the facade's (TdevOps javadoc), plus the connection arguments every step shares;
 * required ones are exactly the facade's required ones.
 */
@WithJenkins
class StepArgumentNamesTest {
    private static final Set<String> CONNECTION =
            Set.of("environment", "configFile", "region", "credentialsId", "roleArn", "endpointUrl");

    private static void assertArguments(Class<? extends Step> step, Set<String> facade, Set<String> required) {
        DescribableModel<?> model = DescribableModel.of(step);
        Set<String> names = model.getParameters().stream().map(DescribableParameter::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(facade);
        expected.addAll(CONNECTION);
        assertEquals(expected, names, step.getSimpleName());
        Set<String> requiredNames = model.getParameters().stream().filter(DescribableParameter::isRequired)
                .map(DescribableParameter::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(required), requiredNames, step.getSimpleName() + " required");
    }

    @Test
    void everyStepTakesTheFacadesArgumentNames(JenkinsRule j) {
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
    void theStepMapsOnlyWhatWasGiven(JenkinsRule j) throws Exception {
        TdevRollbackStep step = (TdevRollbackStep) DescribableModel.of(TdevRollbackStep.class)
                .instantiate(Map.of("target", "previous", "timeoutMinutes", 5, "environment", "staging"));
        assertEquals("previous", step.getTarget());
        assertEquals(5, step.getTimeoutMinutes());
        assertEquals(null, step.getWait());
        assertEquals("staging", step.connection().environment());
        assertEquals(Map.of("target", "previous", "timeoutMinutes", 5),
                StepArgs.create().put("target", step.getTarget()).put("reason", step.getReason())
                        .put("wait", step.getWait()).put("timeoutMinutes", step.getTimeoutMinutes()).toMap());
    }
}
