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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the keys come from, and that they never reach the build log. */
@WithJenkins
class AwsCredentialsTest {
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String CONTROLLER_KEY = "AKIACONTROLLEREXAMPLE";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "healthy");
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, "aws-prod", ACCESS_KEY, SECRET_KEY, "production"));
        SystemCredentialsProvider.getInstance().save();
    }

    @Test
    void aCredentialsIdIsPassedAsTheProviderItselfAndItsKeysNeverReachTheLog() throws Exception {
        WorkflowRun b = succeeds(j, """
                def r = tdevHealthCheck(credentialsId: 'aws-prod', region: 'ap-northeast-2', roleArn: 'arn:aws:iam::123456789012:role/deployer')
                echo "status=${r.status}"
                """);
        AwsSettings aws = SimulatedAws.lastTarget().aws();
        // no frozen keys in the settings: the entry signs, and is asked again during a long wait
        assertNull(aws.accessKeyId());
        assertNull(aws.secretAccessKey());
        AwsCredentials keys = SimulatedAws.lastTarget().credentials().resolveCredentials();
        assertEquals(ACCESS_KEY, keys.accessKeyId());
        assertEquals(SECRET_KEY, keys.secretAccessKey());
        assertEquals("ap-northeast-2", aws.region());
        assertEquals("arn:aws:iam::123456789012:role/deployer", aws.roleArn());
        j.assertLogNotContains(SECRET_KEY, b);
        j.assertLogNotContains(ACCESS_KEY, b);
    }

    @Test
    void theGlobalCredentialsIdAppliesWhenTheStepGivesNone() throws Exception {
        TdevOpsConfiguration.get().setCredentialsId("aws-prod");
        WorkflowRun b = succeeds(j, "tdevHealthCheck()");
        assertEquals(ACCESS_KEY, SimulatedAws.lastTarget().credentials().resolveCredentials().accessKeyId());
        j.assertLogNotContains(SECRET_KEY, b);
    }

    @Test
    void anEntryWithBlankKeysMeansTheControllersOwnIdentity() throws Exception {
        // aws-credentials' AWSCredentialsImpl.resolveCredentials() returns null for blank keys (instance profile);
        // the controller's default chain then signs: here its first link, the aws.* system properties
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, "instance-profile", "", "", "the controller's role"));
        System.setProperty("aws.accessKeyId", CONTROLLER_KEY);
        System.setProperty("aws.secretAccessKey", "controllerSecretEXAMPLEKEYcontrollerSecr");
        try {
            succeeds(j, "tdevHealthCheck(credentialsId: 'instance-profile')");
            AwsCredentials keys = SimulatedAws.lastTarget().credentials().resolveCredentials();
            assertEquals(CONTROLLER_KEY, keys.accessKeyId());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void theEntryIsAskedAgainAfterTheReusePeriodSoExpiringSessionKeysAreRenewed() {
        AtomicInteger asked = new AtomicInteger();
        AWSCredentialsImpl assumesARole = new AWSCredentialsImpl(CredentialsScope.GLOBAL, "role", ACCESS_KEY, SECRET_KEY,
                "assumes a role") {
            @Override
            public AwsCredentials resolveCredentials() {
                int n = asked.incrementAndGet(); // as AWSCredentialsImpl does with a role: a new STS session each time
                return AwsSessionCredentials.create("ASIASESSION" + n, "sessionSecret" + n, "token-" + n);
            }
        };
        AtomicLong nanos = new AtomicLong();
        JenkinsAwsCredentials provider = new JenkinsAwsCredentials(assumesARole,
                () -> { throw new AssertionError("keys are given; the controller's chain is not asked"); }, nanos::get);

        assertEquals("ASIASESSION1", provider.resolveCredentials().accessKeyId());
        nanos.addAndGet(JenkinsAwsCredentials.REUSE.toNanos() - 1);
        assertEquals("ASIASESSION1", provider.resolveCredentials().accessKeyId());
        nanos.addAndGet(1);
        assertEquals("ASIASESSION2", provider.resolveCredentials().accessKeyId());
        assertEquals(2, asked.get());
        assertFalse(provider.usesControllerIdentity());
    }

    @Test
    void blankKeysFallBackToTheControllerChainAndTheProviderNamesOnlyTheId() throws Exception {
        AwsCredentials controller = AwsBasicCredentials.create(CONTROLLER_KEY, "controllerSecretEXAMPLEKEYcontrollerSecr");
        JenkinsAwsCredentials provider = new JenkinsAwsCredentials(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, "instance-profile", "", "", "role"),
                () -> StaticCredentialsProvider.create(controller), () -> 0L);

        assertEquals(CONTROLLER_KEY, provider.resolveCredentials().accessKeyId());
        assertTrue(provider.usesControllerIdentity());
        assertEquals("JenkinsAwsCredentials[instance-profile]", provider.toString());
        provider.close();
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
