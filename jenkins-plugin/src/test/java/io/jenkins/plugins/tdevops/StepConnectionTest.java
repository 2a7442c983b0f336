package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a step's environment config comes from, who it acts as, and the credentials list of its form. */
@WithJenkins
class StepConnectionTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void aStepsConfigFileIsReadOnTheControllerWithoutANode() throws Exception {
        Path dir = j.jenkins.getRootDir().toPath().resolve(EnvironmentResolver.STEP_CONFIG_DIR);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("west.yaml"), "region: eu-west-3\n");

        succeeds(j, "tdevHealthCheck(configFile: 'west.yaml')"); // no node { }: as tdevOneClickRollback runs

        assertEquals("eu-west-3", SimulatedAws.lastTarget().aws().region());
    }

    @Test
    void aConfigFileOutsideTheFolderIsRefusedBeforeAnythingIsRead() throws Exception {
        WorkflowRun b = fails(j, "tdevHealthCheck(configFile: '../secrets/master.key')");
        j.assertLogContains("configFile: got '../secrets/master.key'", b);
        j.assertLogContains("tdev-ops, named relative to it", b);
        WorkflowRun missing = fails(j, "tdevHealthCheck(configFile: 'nope.yaml')");
        j.assertLogContains("configFile: 'nope.yaml' does not exist in", missing);
    }

    @Test
    void aBuildNobodyStartedActsAsJenkinsNamingTheBuild() throws Exception {
        succeeds(j, "tdevHealthCheck()");
        assertTrue(SimulatedAws.lastTarget().user().startsWith("jenkins ("), SimulatedAws.lastTarget().user());
        assertTrue(SimulatedAws.lastTarget().user().endsWith("#1)"), SimulatedAws.lastTarget().user());
    }

    @Test
    void theCredentialsListOfAJobHoldsTheEntriesTheJobCanUse() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, "aws-prod", "AKIAIOSFODNN7EXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "production"));
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob job = j.createProject(WorkflowJob.class, "deploy");
        TdevStepDescriptor descriptor = j.jenkins.getDescriptorByType(TdevRollbackStep.DescriptorImpl.class);

        ListBoxModel forJob = descriptor.doFillCredentialsIdItems(job, null);
        ListBoxModel forNoJob = descriptor.doFillCredentialsIdItems(null, "aws-prod");

        List<String> values = forJob.stream().map(o -> o.value).toList();
        assertTrue(values.contains("aws-prod"), values.toString());
        assertTrue(forNoJob.stream().anyMatch(o -> "aws-prod".equals(o.value)));
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
