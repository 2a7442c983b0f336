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
class TdevEcsDeployStepTest {
    private static final String IMAGE =
            "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:2.1.0";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
    }

    @Test
    void deploysTheImageAsANewRevisionAndWaitsUntilStable() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevEcsDeploy(image: '%s')
                echo "status=${r.status} new-revision=${r.from != r.to} image=${r.image}"
                echo "deployment=${r.deploymentId != null} stable=${r.stability.stable}"
                """.formatted(IMAGE));
        j.assertLogContains("tdevEcsDeploy: waiting up to", b);
        j.assertLogContains("status=COMPLETED new-revision=true image=" + IMAGE, b);
        j.assertLogContains("deployment=true stable=true", b);
    }

    @Test
    void aDryRunRegistersNothing() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevEcsDeploy(image: '%s', dryRun: true)
                echo "status=${r.status} to=${r.to}"
                """.formatted(IMAGE));
        j.assertLogContains("status=PLANNED to=null", b);
    }

    @Test
    void aMissingImageIsTheEnginesInvalidInput() throws Exception {
        WorkflowRun b = fails(j, "tdevEcsDeploy(image: '')");
        j.assertLogContains("image", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
