package io.jenkins.plugins.tdevops;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.api.Progress;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * Opens the engine for a running step: environment and AWS settings from the step's arguments over the global
 * configuration, the engine's progress lines into the build log, the build's starter as the acting user.
 */
final class TdevOpsFactory {
    private TdevOpsFactory() {
    }

    static OpenedTdevOps open(StepContext context, Connection step) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        TdevOpsConfiguration global = TdevOpsConfiguration.get();

        EnvironmentConfig loaded = EnvironmentResolver.resolve(step, global, Jenkins.get().getRootDir().toPath());
        String region = AwsSettingsResolver.region(step, env, loaded.region(), global.getRegion());
        EnvironmentConfig config = ConfigOverrides.apply(loaded, region, global.getNotificationTopic());
        AwsSettingsResolver.Resolved aws = AwsSettingsResolver.resolve(step, global, env, run, config.region());
        Progress progress = line -> listener.getLogger().println(line);
        OpenedTdevOps opened;
        try {
            opened = TdevOpsProvider.current().open(
                    new OpsTarget(config, aws.settings(), aws.credentials(), progress, BuildUser.of(run)));
        } catch (IOException | RuntimeException e) {
            closeQuietly(aws.credentials());
            throw e;
        }
        return aws.credentials() == null ? opened : opened.alsoClosing(aws.credentials());
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // nothing was opened with it yet
            }
        }
    }
}
