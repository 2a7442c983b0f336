package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;

/** The engine facade for one environment, with what it holds open (AWS clients); closing releases them. */
public final class OpenedTdevOps implements AutoCloseable {
    private final TdevOps ops;
    private final EnvironmentConfig config;
    private final AutoCloseable resources;

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

    /** The same engine, also closing {@code more} (e.g. the credentials it signs with) after its own resources. */
    OpenedTdevOps alsoClosing(AutoCloseable more) {
        AutoCloseable mine = resources;
        return new OpenedTdevOps(ops, config, () -> {
            try {
                if (mine != null) {
                    mine.close();
                }
            } finally {
                more.close();
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
