package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import io.tdev.ops.aws.AwsSettings;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where the keys come from, and that they never reach the build log. */
@WithJenkins
class AwsCredentialsTest {
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, "aws-prod", ACCESS_KEY, SECRET_KEY, "production"));
        SystemCredentialsProvider.getInstance().save();
    }

    @Test
    void aCredentialsIdResolvesToStaticKeysThatNeverReachTheLog() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevHealthCheck(credentialsId: 'aws-prod', region: 'ap-northeast-2', roleArn: 'arn:aws:iam::123456789012:role/deployer')
                echo "status=${r.status}"
                """);
        AwsSettings aws = SimulatedAws.lastTarget().aws();
        assertEquals(ACCESS_KEY, aws.accessKeyId());
        assertEquals(SECRET_KEY, aws.secretAccessKey());
        assertEquals("ap-northeast-2", aws.region());
        assertEquals("arn:aws:iam::123456789012:role/deployer", aws.roleArn());
        j.assertLogNotContains(SECRET_KEY, b);
        j.assertLogNotContains(ACCESS_KEY, b);
    }

    @Test
    void theGlobalCredentialsIdAppliesWhenTheStepGivesNone() throws Exception {
        TdevOpsConfiguration.get().setCredentialsId("aws-prod");
        WorkflowRun b = succeeds(j, "tdevHealthCheck()");
        assertEquals(ACCESS_KEY, SimulatedAws.lastTarget().aws().accessKeyId());
        j.assertLogNotContains(SECRET_KEY, b);
    }

    @Test
    void keysBoundByWithCredentialsInTheStepsEnvironmentAreUsed() throws Exception {
        WorkflowRun b = succeeds(j, """
                withCredentials([aws(credentialsId: 'aws-prod')]) {
                  withEnv(['AWS_REGION=eu-west-1']) {
                    tdevHealthCheck()
                  }
                }
                """);
        AwsSettings aws = SimulatedAws.lastTarget().aws();
        assertEquals(ACCESS_KEY, aws.accessKeyId());
        assertEquals(SECRET_KEY, aws.secretAccessKey());
        assertEquals("eu-west-1", aws.region());
        j.assertLogNotContains(SECRET_KEY, b);
    }

    @Test
    void withoutCredentialsTheDefaultChainApplies() throws Exception {
        succeeds(j, "tdevHealthCheck()");
        AwsSettings aws = SimulatedAws.lastTarget().aws();
        assertNull(aws.accessKeyId());
        assertNull(aws.secretAccessKey());
    }

    @Test
    void anUnknownCredentialsIdFailsNamingIt() throws Exception {
        WorkflowRun b = fails(j, "tdevRollback(credentialsId: 'nope')");
        j.assertLogContains("credentialsId: no AWS credentials with id 'nope'", b);
        j.assertLogNotContains("waiting up to", b);
    }

    @Test
    void aFailureMessageNeverCarriesTheKeys() throws Exception {
        WorkflowRun b = fails(j, "tdevScale(count: 'lots', credentialsId: 'aws-prod')");
        j.assertLogNotContains(SECRET_KEY, b);
        j.assertLogNotContains(ACCESS_KEY, b);
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
