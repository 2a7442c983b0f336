package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;

/** The engine facade for one environment, with what it holds open (AWS clients); closing releases them. */
public final class OpenedTdevOps implements AutoCloseable {
    private final TdevOps ops;
    private final EnvironmentConfig config;
    private final AutoCloseable resources;
    private final OpsContext context;

    public OpenedTdevOps(TdevOps ops, EnvironmentConfig config, AutoCloseable resources) {
        this(ops, config, resources, null);
    }

    /** @param context what the typed use cases run on (the same ports, clock and progress as {@code ops}) */
    public OpenedTdevOps(TdevOps ops, EnvironmentConfig config, AutoCloseable resources, OpsContext context) {
        this.ops = ops;
        this.config = config;
        this.resources = resources;
        this.context = context;
    }

    /** The context of the typed use cases; a provider that gives none cannot run them. */
    public OpsContext context() {
        if (context == null) {
            throw new IllegalStateException("this engine provider opens no typed use-case context");
        }
        return context;
    }

    public TdevOps ops() {
        return ops;
    }

    public EnvironmentConfig config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
