package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** tdevBackup, tdevRestore, tdevDrCheck, tdevFailover: the typed use cases' records as the step's map. */
@WithJenkins
class TdevBackupStepsTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void backupReturnsTheIssuesKeysAndWaitsUntilAvailable() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevBackup(verify: true)
                echo "status=${r.status} verified=${r.verified}"
                echo "keys=${['backupArn', 'name', 'status', 'itemCount', 'tableItemCount', 'verified', 'actions'].every { r.containsKey(it) }}"
                def l = tdevBackup(list: true, limit: 2)
                echo "listed=${l.backups.size()} of ${l.total}"
                """);
        j.assertLogContains("status=AVAILABLE verified=true", b);
        j.assertLogContains("keys=true", b);
        j.assertLogContains("listed=2 of 4", b);
    }

    @Test
    void restoreRefusesTheLiveTableWithTheEnginesMessage() throws Exception {
        WorkflowRun b = fails(j, "tdevRestore(targetTable: 't-developer-metadata-production')");
        j.assertLogContains("targetTable", b);
        j.assertLogContains("the live table", b);
    }

    @Test
    void restoreIntoANewTableIsVerifiedAndSaysHowToSwitchOver() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevRestore(backup: 'latest', targetTable: 't-developer-metadata-production-restored')
                echo "status=${r.status} verified=${r.verified} restored=${r.restoredTable}"
                """);
        j.assertLogContains("status=ACTIVE verified=true restored=t-developer-metadata-production-restored", b);
    }

    @Test
    void drCheckIsAResultNotAFailure() throws Exception {
        SimulatedAws.reset("missing-replication");
        WorkflowRun b = succeeds(j, """
                def r = tdevDrCheck()
                echo "passed=${r.passed} first=${r.checks[0].name}:${r.checks[0].status}"
                """);
        j.assertLogContains("passed=false first=s3-replication:FAIL", b);
    }

    @Test
    void failoverPlansThenApplies() throws Exception {
        SimulatedAws.reset("primary-unhealthy");
        WorkflowRun b = succeeds(j, """
                def plan = tdevFailover(to: 'secondary', dryRun: true)
                echo "plan=${plan.status} ${plan.before} -> ${plan.after}"
                def done = tdevFailover(to: 'secondary')
                echo "done=${done.status} undo=${done.failBack}"
                """);
        j.assertLogContains("plan=PLANNED", b);
        j.assertLogContains("done=INSYNC undo=tdev-ops failover --to primary", b);
    }

    @Test
    void theArgumentNamesAreTheRequestsFieldsAndTheRequiredOnesAreRequired() {
        assertArguments(TdevBackupStep.class, Set.of("verify", "list", "limit", "dryRun"), Set.of());
        assertArguments(TdevRestoreStep.class, Set.of("backup", "targetTable", "dryRun"), Set.of("targetTable"));
        assertArguments(TdevDrCheckStep.class, Set.of("sampleSize"), Set.of());
        assertArguments(TdevFailoverStep.class, Set.of("to", "dryRun"), Set.of("to"));
    }

    private static void assertArguments(Class<? extends Step> step, Set<String> own, Set<String> required) {
        DescribableModel<?> model = DescribableModel.of(step);
        Set<String> expected = new TreeSet<>(own);
        expected.addAll(Set.of("environment", "configFile", "region", "credentialsId", "roleArn", "endpointUrl"));
        assertEquals(expected, model.getParameters().stream().map(DescribableParameter::getName)
                .collect(Collectors.toCollection(TreeSet::new)), step.getSimpleName());
        assertEquals(new TreeSet<>(required), model.getParameters().stream().filter(DescribableParameter::isRequired)
                .map(DescribableParameter::getName).collect(Collectors.toCollection(TreeSet::new)), step.getSimpleName());
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
