package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;

/** The engine facade for one environment, with what it holds open (AWS clients); closing releases them. */
public final class OpenedTdevOps implements AutoCloseable {
    private final TdevOps ops;
    private final EnvironmentConfig config;
    private final AutoCloseable resources;
    private OpsContext context;

    public OpenedTdevOps(TdevOps ops, EnvironmentConfig config, AutoCloseable resources) {
        this.ops = ops;
        this.config = config;
        this.resources = resources;
    }

    public TdevOps ops() {
        return ops;
    }

    public EnvironmentConfig config() {
        return config;
    }

    /** The context typed use cases run with, as the provider built it (set once, before the step uses it). */
    public OpenedTdevOps withContext(OpsContext typedContext) {
        this.context = typedContext;
        return this;
    }

    /** The environment of the typed use cases (weekly report, traffic event, ...): the facade's own context. */
    public OpsContext context() {
        if (context == null) {
            throw new IllegalStateException("the TdevOpsProvider opened no typed context; a provider must call withContext");
        }
        return context;
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
