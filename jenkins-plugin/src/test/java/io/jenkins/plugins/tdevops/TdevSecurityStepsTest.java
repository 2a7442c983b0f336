package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;

/** The security steps return the CLI's JSON keys as maps; bad input and refused changes fail with the engine's words. */
@WithJenkins
class TdevSecurityStepsTest {
    @Test
    void securityCheckReturnsTheVerdictAndItsSignals(JenkinsRule rule) throws Exception {
        JenkinsRule j = SimulatedAws.start(rule, "open-port-22");
        WorkflowRun b = succeeds(j, """
                def r = tdevSecurityCheck(windowHours: 6)
                echo "status=${r.status} signals=${r.signals*.name.join(',')} keys=${r.signals[2].keySet().join(',')}"
                """);
        j.assertLogContains("status=CRITICAL signals=failed-logins,rate-limited,open-security-groups,secret-age,"
                + "bucket-public-access keys=name,status,value,evidence", b);
    }

    @Test
    void aWindowOutsideTheRangeFailsNamingTheArgument(JenkinsRule rule) throws Exception {
        JenkinsRule j = SimulatedAws.start(rule, "healthy");
        WorkflowRun b = fails(j, "tdevSecurityCheck(windowHours: 0)");
        j.assertLogContains("windowHours", b);
    }

    @Test
    void lockdownThenRestoreAndASecondLockdownIsUnchanged(JenkinsRule rule) throws Exception {
        JenkinsRule j = SimulatedAws.start(rule, "healthy");
        WorkflowRun b = succeeds(j, """
                def plan = tdevLockdownBucket(dryRun: true)
                def locked = tdevLockdownBucket()
                def again = tdevLockdownBucket()
                def restored = tdevLockdownBucket(restore: true)
                echo "plan=${plan.status} locked=${locked.status} again=${again.status} restored=${restored.status} mode=${restored.mode}"
                """);
        j.assertLogContains("plan=PLANNED locked=COMPLETED again=UNCHANGED restored=COMPLETED mode=restore", b);
    }

    @Test
    void restoreWithoutALockdownFailsWithTheEnginesMessage(JenkinsRule rule) throws Exception {
        JenkinsRule j = SimulatedAws.start(rule, "healthy");
        WorkflowRun b = fails(j, "tdevLockdownBucket(restore: true)");
        j.assertLogContains("does not exist", b);
    }

    @Test
    void rotateSecretReturnsVersionIdsOnly(JenkinsRule rule) throws Exception {
        JenkinsRule j = SimulatedAws.start(rule, "stale-secret");
        WorkflowRun b = succeeds(j, """
                def r = tdevRotateSecret()
                echo "method=${r.method} status=${r.status} new=${r.newVersionId != null} keys=${r.keySet().join(',')}"
                """);
        j.assertLogContains("method=new-version status=COMPLETED new=true"
                + " keys=secret,method,status,previousVersionId,newVersionId,message,next,actions", b);
    }

    /** The Pipeline arguments are the request records' components (the CLI's options in camelCase), plus where to run. */
    @Test
    void argumentNamesAreTheRequestsComponents(JenkinsRule j) {
        Set<String> where = Set.of("environment", "configFile", "region", "credentialsId", "roleArn", "endpointUrl");
        assertEquals(union(where, "windowHours"), names(TdevSecurityCheckStep.class));
        assertEquals(union(where, "dryRun"), names(TdevRotateSecretStep.class));
        assertEquals(union(where, "restore", "dryRun"), names(TdevLockdownBucketStep.class));
        assertEquals(union(where, "reason", "dryRun"), names(TdevInvalidateSessionsStep.class));
        assertEquals(union(where, "kind", "subject", "summary", "startedAt", "resolved", "noNotify"),
                names(TdevEscalateStep.class));
    }

    private static Set<String> names(Class<? extends org.jenkinsci.plugins.workflow.steps.Step> step) {
        return DescribableModel.of(step).getParameters().stream().map(DescribableParameter::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> where, String... own) {
        Set<String> all = new TreeSet<>(where);
        all.addAll(Set.of(own));
        return all;
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
