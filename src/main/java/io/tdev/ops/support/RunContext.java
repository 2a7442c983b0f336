package io.tdev.ops.support;

import io.tdev.ops.api.Progress;
import io.tdev.ops.api.Sleeper;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;

import java.time.Clock;
import java.util.Objects;

/**
 * What a use case runs with: the environment, its ports, time, where progress lines go, and who asked
 * (recorded in actions, tags and notifications). The facade builds it from its {@code OpsContext}.
 */
public record RunContext(EnvironmentConfig config, OpsPorts ports, Clock clock, Sleeper sleeper, Progress progress,
                         String user) {
    public RunContext {
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
