package io.tdev.ops.cli;

import io.tdev.ops.api.DefaultTdevOps;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;

import java.time.Clock;

/**
 * One command's connection to an environment: the facade over it, the context typed use cases run with, and what
 * to close at the end (the AWS clients; nothing for the simulation).
 */
public record OpsSession(TdevOps ops, OpsContext context, EnvironmentConfig config, Clock clock,
                         AutoCloseable resources) implements AutoCloseable {

    /** The session over {@code context}: the map facade and the typed use cases see the same environment. */
    public static OpsSession over(OpsContext context, AutoCloseable resources) {
        return new OpsSession(new DefaultTdevOps(context), context, context.config(), context.clock(), resources);
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
