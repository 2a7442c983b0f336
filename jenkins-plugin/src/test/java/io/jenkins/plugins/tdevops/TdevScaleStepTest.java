package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;

@WithJenkins
class TdevScaleStepTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void addsTasksAndWaitsUntilStable() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevScale(count: '+2')
                echo "status=${r.status} plus-two=${r.to == r.from + 2} stable=${r.stability.stable}"
                echo "bounds=${r.containsKey('minCapacity')},${r.containsKey('maxCapacity')},${r.containsKey('restore')}"
                """);
        j.assertLogContains("tdevScale: waiting up to", b);
        j.assertLogContains("status=COMPLETED plus-two=true stable=true", b);
        j.assertLogContains("bounds=true,true,true", b);
    }

    @Test
    void theCountIsThePositionalArgument() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevScale '+1'
                echo "status=${r.status} to=${r.to}"
                """);
        j.assertLogContains("status=COMPLETED", b);
    }

    @Test
    void aPresetNameIsTheEnginesToResolve() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevScale(count: 'p0', dryRun: true)
                echo "status=${r.status} to=${r.to}"
                """);
        j.assertLogContains("status=PLANNED to=10", b);
    }

    @Test
    void anInvalidCountFailsWithTheEnginesMessageNamingTheAllowedForms() throws Exception {
        WorkflowRun b = fails(j, "tdevScale(count: 'lots')");
        j.assertLogContains("count", b);
        j.assertLogContains("lots", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @Test
    void zeroTasksInAProtectedEnvironmentIsRefusedWithoutForce() throws Exception {
        WorkflowRun b = fails(j, "tdevScale(count: '0')");
        j.assertLogContains("force", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
