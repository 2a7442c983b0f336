package io.jenkins.plugins.tdevops;

import hudson.model.Result;
import io.tdev.ops.sim.SimNotification;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a rollback's wait ends when it cannot end normally: the engine still has the last word, and the team hears it. */
@WithJenkins
class TdevRollbackWaitEndingTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "bad-deploy");
        SimulatedAws.holdRollouts(true);
    }

    @Test
    void aServiceThatCannotBeReadMidWaitEndsThroughTheEngineWithTheLastLookAndTellsTheTeam() throws Exception {
        SimulatedAws.denyServiceReadsFromPoll(2, 1);
        WorkflowRun b = fails(j, "tdevRollback(reason: 'IAM test')");
        j.assertLogContains("cannot read the service: access denied", b);
        j.assertLogContains("TIMED_OUT: the service points at", b);
        j.assertLogContains("did not undo that", b);
        j.assertLogContains("Next: check it with tdevHealthCheck", b);
        j.assertLogContains("Team notification: sent: message", b);
        assertSubjects("rollback STARTED", "rollback TIMED_OUT");
    }

    @Test
    void whenTheEngineCannotDecideEitherTheFailureSaysWhatChangedTheLastLookAndWhatToRunNext() throws Exception {
        SimulatedAws.denyServiceReadsFromPoll(1, 10);
        WorkflowRun b = fails(j, "tdevRollback(reason: 'IAM test')");
        j.assertLogContains("cannot read the service: access denied", b);
        j.assertLogContains("The outcome could not be decided either", b);
        j.assertLogContains("No look at the service succeeded", b);
        j.assertLogContains("did not undo that", b);
        j.assertLogContains("Next: check it with tdevHealthCheck", b);
        j.assertLogNotContains("\tat io.", b);
        assertSubjects("rollback STARTED");
    }

    @Test
    void abortingTheBuildLeavesTheChangeAndSendsTheEnginesFinalWord() throws Exception {
        WorkflowRun b = Pipelines.job(j, "tdevRollback(reason: 'abort test')").scheduleBuild2(0).waitForStart();
        j.waitForMessage("tdevRollback: waiting up to", b);
        j.waitForMessage(" of 15 min)", b); // a poll saw the rollout in progress
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        // JenkinsRule's anonymous doStop() carries no UserInterruption: "aborted", not "aborted by USER"
        j.assertLogContains("tdevRollback: aborted while waiting; the engine's last word: ABANDONED: the wait was"
                + " abandoned after ", b);
        j.assertLogContains("(aborted), not timed out: the rollback to ", b);
        j.assertLogContains("stays and the rollout continues", b);
        j.assertLogContains("did not undo that", b);
        j.assertLogContains("Next: check it with tdevHealthCheck", b);
        assertSubjects("rollback STARTED", "rollback ABANDONED");
    }

    @Test
    void abortingAScaleEndsThroughTheEngineWithoutNotifying() throws Exception {
        WorkflowRun b = Pipelines.job(j, "tdevScale '+2'").scheduleBuild2(0).waitForStart();
        j.waitForMessage("tdevScale: waiting up to", b);
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("tdevScale: aborted while waiting; the engine's last word: ABANDONED", b);
        j.assertLogContains("did not undo that", b);
        assertSubjects();
    }

    /** The simulated SNS topic received exactly these messages, in order, each subject containing its text. */
    private static void assertSubjects(String... expected) {
        List<String> subjects = SimulatedAws.notifications().stream().map(SimNotification::subject).toList();
        assertEquals(expected.length, subjects.size(), "SNS subjects: " + subjects);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(subjects.get(i).contains(expected[i]), "SNS subject " + i + ": " + subjects.get(i));
        }
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
