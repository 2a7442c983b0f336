package io.jenkins.plugins.tdevops;

import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.runbook.Progress;

/**
 * Everything a {@link TdevOpsProvider} needs to open the engine for one step: the resolved environment, how to reach
 * AWS (its toString never shows keys), where progress lines go, and who asked.
 */
public record OpsTarget(EnvironmentConfig config, AwsSettings aws, Progress progress, String user) {
}
