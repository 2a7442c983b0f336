package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import io.tdev.ops.aws.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * How a step reaches AWS. Keys come from, in order: the step's (else the global) {@code credentialsId}, an
 * aws-credentials entry looked up as the running build; the AWS variables of the step's own environment (what
 * {@code withCredentials([aws(...)])} and {@code withAWS} bind), never the controller process's; else none, and the
 * SDK's default chain applies on the controller. The keys only travel inside {@link AwsSettings}, whose toString
 * masks them; nothing here logs them.
 */
final class AwsSettingsResolver {
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private AwsSettingsResolver() {
    }

    static AwsSettings resolve(Connection step, TdevOpsConfiguration global, EnvVars env, Run<?, ?> run,
                               String region) throws AbortException {
        String accessKeyId = null;
        String secretAccessKey = null;
        String sessionToken = null;
        String credentialsId = step.credentialsId() != null ? step.credentialsId() : global.getCredentialsId();
        if (credentialsId != null) {
            AwsCredentials keys = keysOf(credentialsId, run);
            accessKeyId = keys.accessKeyId();
            secretAccessKey = keys.secretAccessKey();
            if (keys instanceof AwsSessionCredentials session) {
                sessionToken = session.sessionToken();
            }
        } else if (Util.fixEmpty(env.get(ACCESS_KEY_ID)) != null && Util.fixEmpty(env.get(SECRET_ACCESS_KEY)) != null) {
            accessKeyId = env.get(ACCESS_KEY_ID);
            secretAccessKey = env.get(SECRET_ACCESS_KEY);
            sessionToken = Util.fixEmpty(env.get(SESSION_TOKEN));
        }
        return new AwsSettings(region, null, step.roleArn(), null, step.endpointUrl(), accessKeyId, secretAccessKey,
                sessionToken, null, null, null, null);
    }

    /**
     * Region: the step's; else the step environment's AWS_REGION / AWS_DEFAULT_REGION (withAWS, withEnv); else the
     * environment config's; else the global default; else null (the SDK's default chain).
     */
    static String region(Connection step, EnvVars env, String configRegion, String globalRegion) {
        if (step.region() != null) {
            return step.region();
        }
        String fromEnv = Util.fixEmptyAndTrim(env.get("AWS_REGION"));
        if (fromEnv == null) {
            fromEnv = Util.fixEmptyAndTrim(env.get("AWS_DEFAULT_REGION"));
        }
        if (fromEnv != null) {
            return fromEnv;
        }
        return configRegion != null ? configRegion : globalRegion;
    }

    private static AwsCredentials keysOf(String credentialsId, Run<?, ?> run) throws AbortException {
        AmazonWebServicesCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, AmazonWebServicesCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("credentialsId: no AWS credentials with id '" + credentialsId
                    + "' are visible to " + run.getParent().getFullName()
                    + "; add an 'AWS Credentials' entry with this id (aws-credentials plugin) in a store this job can use");
        }
        CredentialsProvider.track(run, credentials);
        try {
            // also performs the credential's own assume-role, when it names an IAM role
            return credentials.resolveCredentials();
        } catch (RuntimeException e) {
            // the SDK's message names the failed call (e.g. sts:AssumeRole), never the keys
            throw new AbortException("credentialsId: the AWS credentials '" + credentialsId
                    + "' did not give keys: " + e.getMessage());
        }
    }
}
