package io.tdev.ops.cli;

import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;

import java.time.Clock;

/**
 * One command's connection to an environment: the facade over it, and what to close at the end
 * (the AWS clients; nothing for the simulation).
 */
public record OpsSession(TdevOps ops, EnvironmentConfig config, Clock clock, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
