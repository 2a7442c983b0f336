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
class TdevMarkKnownGoodStepTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void marksTheRunningRevisionAndReturnsIt() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevMarkKnownGood()
                echo "revision=${r.revision != null} keys=${r.containsKey('status')},${r.containsKey('actions')}"
                """);
        j.assertLogContains("revision=true keys=true,true", b);
    }

    @Test
    void aMarkedRevisionIsWhatARollbackToLastKnownGoodFinds() throws Exception {
        WorkflowRun b = succeeds(j, """
                def marked = tdevMarkKnownGood()
                tdevEcsDeploy(image: '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0', wait: false)
                def r = tdevRollback(dryRun: true)
                echo "same=${r.to == marked.revision} status=${r.status}"
                """);
        j.assertLogContains("same=true status=PLANNED", b);
    }

    @Test
    void anUnknownRevisionFailsWithTheEnginesMessage() throws Exception {
        WorkflowRun b = fails(j, "tdevMarkKnownGood(revision: 'not-a-revision')");
        j.assertLogContains("revision", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }

    @Test
    void requireHealthyRefusesARevisionTheServiceDoesNotRun() throws Exception {
        WorkflowRun b = fails(j, "tdevMarkKnownGood(revision: '41', requireHealthy: true)");
        j.assertLogContains("is not marked known-good: the service runs", b);
    }
}
