package io.jenkins.plugins.tdevops;

import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.api.Progress;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything a {@link TdevOpsProvider} needs to open the engine for one step: the resolved environment, how to reach
 * AWS (its toString never shows keys), the credentials entry that signs when the step names one ({@code credentials};
 * null: {@code aws}'s keys from the step's environment, else the controller's default chain), where progress lines
 * go, and who asked.
 */
public record OpsTarget(EnvironmentConfig config, AwsSettings aws, AwsCredentialsProvider credentials,
                        Progress progress, String user) {
}
