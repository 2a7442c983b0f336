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
class TdevRollbackStepTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "bad-deploy");
    }

    @Test
    void rollsBackToTheKnownGoodRevisionAndWaitsUntilStable() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevRollback(reason: '5xx after deploy')
                echo "status=${r.status} changed=${r.from != r.to} notified=${r.notification != null}"
                echo "stable=${r.stability.stable} actions=${!r.actions.isEmpty()}"
                """);
        j.assertLogContains("tdevRollback: waiting up to", b);
        j.assertLogContains("status=COMPLETED changed=true notified=true", b);
        j.assertLogContains("stable=true actions=true", b);
        j.assertLogContains("is stable", b);
    }

    @Test
    void aDryRunReturnsThePlanWithoutWaiting() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevRollback(dryRun: true)
                echo "status=${r.status}"
                """);
        j.assertLogContains("status=PLANNED", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @Test
    void withoutWaitItReturnsAsSoonAsTheChangeIsAccepted() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevRollback(wait: false, notify: false)
                echo "status=${r.status}"
                """);
        j.assertLogContains("status=STARTED", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @Test
    void alreadyOnTheTargetChangesNothing() throws Exception {
        SimulatedAws.reset("healthy");
        WorkflowRun b = succeeds(j, """
                def r = tdevRollback(target: '42')
                echo "status=${r.status}"
                """);
        j.assertLogContains("status=UNCHANGED", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @Test
    void nothingToRollBackToIsTheEnginesPreconditionFailure() throws Exception {
        SimulatedAws.reset("healthy");
        WorkflowRun b = fails(j, "tdevRollback()");
        j.assertLogContains("nothing to roll back to", b);
        j.assertLogContains("mark revisions known-good", b);
        j.assertLogNotContains("\tat io.tdev", b);
    }

    @Test
    void anInvalidTargetFailsWithTheEnginesMessageAndTouchesNothing() throws Exception {
        WorkflowRun b = fails(j, "tdevRollback(target: 'yesterday')");
        j.assertLogContains("target", b);
        j.assertLogContains("yesterday", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @Test
    void aRolloutThatNeverSettlesFailsSayingWhereItStoppedAndWhatToRunNext() throws Exception {
        SimulatedAws.stallRollouts(); // a minute passes on the step's clock in four looks, not in real time
        WorkflowRun b = fails(j, "tdevRollback(timeoutMinutes: 1)");
        j.assertLogContains("was not stable after", b);
        j.assertLogContains("did not undo that", b);
        j.assertLogContains("Next: check it with tdevHealthCheck", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
