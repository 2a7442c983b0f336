package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A controller restart in the middle of a rollback's wait: the step resumes polling and completes. */
class TdevRollbackRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aRollbackWaitSurvivesAControllerRestart() throws Throwable {
        sessions.then(j -> {
            SimulatedAws.start(j, "bad-deploy");
            SimulatedAws.holdRollouts(true);
            WorkflowJob p = j.createProject(WorkflowJob.class, "rollback");
            p.setDefinition(new CpsFlowDefinition("""
                    def r = tdevRollback(reason: 'restart test')
                    echo "status=${r.status} stable=${r.stability.stable}"
                    """, true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("tdevRollback: waiting up to", b);
            // at least one poll saw the rollout in progress ("... (1 sec of 15 min)") before the restart
            j.waitForMessage(" of 15 min)", b);
            assertTrue(b.isBuilding());
        });
        sessions.then(j -> {
            SimulatedAws.holdRollouts(false);
            WorkflowRun b = j.jenkins.getItemByFullName("rollback", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Jenkins restarted; still waiting for", b);
            j.assertLogContains("status=COMPLETED stable=true", b);
        });
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
