package io.tdev.ops.api;

import io.tdev.ops.support.Retry;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;

import java.time.Clock;
import java.util.Objects;

/**
 * What every use case runs with: the environment's config, its ports (AWS or simulated), time, and where
 * progress lines go. {@code user} is who asked (Jenkins user, $USER), recorded in actions and notifications.
 */
public record OpsContext(EnvironmentConfig config, OpsPorts ports, Clock clock, Sleeper sleeper, Progress progress,
                         String user) {

    public OpsContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        progress = progress == null ? Progress.NONE : progress;
        user = user == null || user.isBlank() ? "unknown" : user;
    }

    /** Retries of reads: a throttled or briefly failing API is asked again, with backoff on this context's sleeper. */
    public Retry retry() {
        return Retry.reads(sleeper);
    }
}
