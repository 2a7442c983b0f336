package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import io.tdev.ops.aws.AwsSettings;

/**
 * How a step reaches AWS. Keys come from, in order: the step's (else the global) {@code credentialsId}, an
 * aws-credentials entry looked up as the running build and passed as the credentials provider itself
 * ({@link JenkinsAwsCredentials}: asked again during long waits; blank keys mean the controller's default chain);
 * the AWS variables of the step's own environment (what
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

    /** The settings a step's engine gets, and the credentials entry's provider when a credentialsId applies. */
    record Resolved(AwsSettings settings, JenkinsAwsCredentials credentials) {
    }

    static Resolved resolve(Connection step, TdevOpsConfiguration global, EnvVars env, Run<?, ?> run, String region)
            throws AbortException {
        String credentialsId = step.credentialsId() != null ? step.credentialsId() : global.getCredentialsId();
        if (credentialsId != null) {
            // the entry itself signs: asked again during a long wait, so an assumed role's session keys never expire
            JenkinsAwsCredentials credentials = credentialsOf(credentialsId, run);
            return new Resolved(settings(step, region, null, null, null), credentials);
        }
        if (Util.fixEmpty(env.get(ACCESS_KEY_ID)) != null && Util.fixEmpty(env.get(SECRET_ACCESS_KEY)) != null) {
            return new Resolved(settings(step, region, env.get(ACCESS_KEY_ID), env.get(SECRET_ACCESS_KEY),
                    Util.fixEmpty(env.get(SESSION_TOKEN))), null);
        }
        return new Resolved(settings(step, region, null, null, null), null);
    }

    private static AwsSettings settings(Connection step, String region, String accessKeyId, String secretAccessKey,
                                        String sessionToken) {
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

    private static JenkinsAwsCredentials credentialsOf(String credentialsId, Run<?, ?> run) throws AbortException {
        AmazonWebServicesCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, AmazonWebServicesCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("credentialsId: no AWS credentials with id '" + credentialsId
                    + "' are visible to " + run.getParent().getFullName()
                    + "; add an 'AWS Credentials' entry with this id (aws-credentials plugin) in a store this job can use");
        }
        CredentialsProvider.track(run, credentials);
        JenkinsAwsCredentials provider = new JenkinsAwsCredentials(credentials);
        try {
            // resolved once now (also the entry's own assume-role) so that a bad entry fails here, naming it
            provider.resolveCredentials();
        } catch (RuntimeException e) {
            // the SDK's message names the failed call (e.g. sts:AssumeRole), never the keys
            throw new AbortException("credentialsId: the AWS credentials '" + credentialsId
                    + "' did not give keys: " + e.getMessage());
        }
        return provider;
    }
}
