package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;

/** The traffic-event steps: typed use cases whose result records come back as the CLI's JSON keys. */
@WithJenkins
class TdevTrafficStepsTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void prepareThenRestorePutsTheServiceBack() throws Exception {
        WorkflowRun b = succeeds(j, """
                def p = tdevTrafficPrepare(tasks: 10)
                echo "prepare=${p.status} ok=${p.ok} next=${p.next}"
                def r = tdevTrafficRestore()
                echo "restore=${r.status} items=${r.changes.collect { it.what + ':' + it.outcome }.join(',')}"
                """);
        j.assertLogContains("prepare=COMPLETED ok=true next=tdev-ops traffic-event restore", b);
        j.assertLogContains("restore=COMPLETED", b);
        j.assertLogContains("desired tasks:CHANGED", b);
    }

    @Test
    void aDbResizeDryRunReturnsThePlan() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevDbResize(instanceClass: 'db.r6g.xlarge', applyImmediately: true, dryRun: true)
                echo "status=${r.status} from=${r.from} to=${r.to} multiAz=${r.multiAz}"
                """);
        j.assertLogContains("status=PLANNED from=db.r6g.large to=db.r6g.xlarge multiAz=true", b);
    }

    @Test
    void anInvalidClassFailsTheStepNamingTheFieldBeforeAnythingChanges() throws Exception {
        WorkflowRun b = fails(j, "tdevDbResize(instanceClass: 'huge')");
        j.assertLogContains("instanceClass", b);
        j.assertLogContains("db.r6g.xlarge", b);
    }

    @Test
    void aLoadWatchOfAQuietServicePasses() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevLoadWatch(duration: '2m')
                echo "status=${r.status} samples=${r.samples.size()} svg=${r.markdown.contains('<svg')}"
                """);
        j.assertLogContains("status=PASSED samples=4 svg=true", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
