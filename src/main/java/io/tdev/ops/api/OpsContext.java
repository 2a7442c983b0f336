package io.tdev.ops.api;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.api.Progress;
import io.tdev.ops.support.RunContext;
import io.tdev.ops.api.Sleeper;

import java.time.Clock;

/**
 * What every use case runs with: the environment's config, its ports (AWS or simulated), time, and where
 * progress lines go. {@code user} is who asked (Jenkins user, $USER), recorded in actions and notifications.
 */
public record OpsContext(EnvironmentConfig config, OpsPorts ports, Clock clock, Sleeper sleeper, Progress progress,
                         String user) {

    /** The same environment as the runbook's use cases take it (HealthCheck, StableWait, Retry). */
    public RunContext runContext() {
        return new RunContext(config, ports, clock, sleeper, progress, user);
    }
}
