package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;

@WithJenkins
class TdevHealthCheckStepTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void aHealthyServiceReturnsTheVerdictMap() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevHealthCheck()
                echo "status=${r.status}"
                echo "keys=${r.containsKey('status')},${r.containsKey('reasons')},${r.containsKey('signals')},${r.containsKey('checkedAt')}"
                echo "signals=${!r.signals.isEmpty()} first=${r.signals[0].containsKey('name')},${r.signals[0].containsKey('status')},${r.signals[0].containsKey('evidence')}"
                echo "reasons-is-list=${r.reasons instanceof List}"
                """);
        j.assertLogContains("status=HEALTHY", b);
        j.assertLogContains("keys=true,true,true,true", b);
        j.assertLogContains("signals=true first=true,true,true", b);
        j.assertLogContains("reasons-is-list=true", b);
    }

    @Test
    void anUnhealthyVerdictIsAResultNotAFailure() throws Exception {
        SimulatedAws.reset("alarm-storm");
        WorkflowRun b = succeeds(j, """
                def r = tdevHealthCheck(environment: 'production', windowMinutes: 30)
                echo "status=${r.status} reasons=${r.reasons}"
                """);
        j.assertLogContains("status=UNHEALTHY", b);
        j.assertLogContains("t-developer", b);
    }

    @Test
    void theBuildStarterIsTheActingUserAndTheStepArgumentsOverrideTheGlobalEnvironment() throws Exception {
        TdevOpsConfiguration.get().setEnvironment("staging");
        succeeds(j, "tdevHealthCheck(environment: 'production')");
        assertEquals("production", SimulatedAws.lastTarget().config().name());
        // a build started by the test (no user cause) is attributed to Jenkins and the build
        assertEquals(true, SimulatedAws.lastTarget().user().startsWith("jenkins ("));
    }

    @Test
    void anUnknownEnvironmentFailsWithTheEnginesMessage() throws Exception {
        // without a config file, a name that is not built in is refused, naming the built-in ones
        TdevOpsConfiguration.get().setConfigFile(null);
        WorkflowRun b = fails(j, "tdevHealthCheck(environment: 'prod')");
        j.assertLogContains("prod", b);
        j.assertLogContains("production", b);
        j.assertLogNotContains("\tat io.tdev", b);
    }

    @Test
    void noEnvironmentAnywhereStopsBeforeTouchingAnything() throws Exception {
        TdevOpsConfiguration.get().setEnvironment(null);
        WorkflowRun b = fails(j, "tdevHealthCheck()");
        j.assertLogContains("environment: not set", b);
        assertEquals(null, SimulatedAws.lastTarget());
    }

    @Test
    void anInvalidArgumentFailsWithTheEnginesMessageNamingIt() throws Exception {
        WorkflowRun b = fails(j, "tdevHealthCheck(windowMinutes: -5)");
        j.assertLogContains("windowMinutes", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
