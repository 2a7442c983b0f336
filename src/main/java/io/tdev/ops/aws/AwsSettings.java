package io.tdev.ops.aws;

import java.time.Duration;

/**
 * How to reach AWS. Every field may be null (the SDK default then applies). Static keys are for the Jenkins
 * plugin (credentials resolved by Jenkins); {@link #toString()} never shows them.
 *
 * @param retryMode   "standard" or "adaptive"
 * @param maxAttempts attempts per call including the first
 */
public record AwsSettings(String region, String profile, String roleArn, String externalId, String endpointUrl,
                          String accessKeyId, String secretAccessKey, String sessionToken,
                          Duration apiCallTimeout, Duration apiCallAttemptTimeout, String retryMode,
                          Integer maxAttempts) {

    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region + ", profile=" + profile + ", roleArn=" + roleArn
                + ", endpointUrl=" + endpointUrl + ", staticCredentials=" + (accessKeyId != null ? "****" : "none")
                + ", retryMode=" + retryMode + ", maxAttempts=" + maxAttempts + "]";
    }
}
