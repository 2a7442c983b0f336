package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;

import java.time.Clock;
import java.time.Duration;

/** The engine facade for one environment, with what it holds open (AWS clients); closing releases them. */
public final class OpenedTdevOps implements AutoCloseable {
    private final TdevOps ops;
    private final EnvironmentConfig config;
    private final AutoCloseable resources;
    private OpsContext context;

    private final Clock clock;
    private final Duration shortestPause;

    /** The engine on the wall clock (against AWS). */
    public OpenedTdevOps(TdevOps ops, EnvironmentConfig config, AutoCloseable resources) {
        this(ops, config, resources, Clock.systemUTC(), null);
    }

    /**
     * @param clock         the engine's clock: a waiting step counts its deadline and "waited" on it (a simulation's
     *                      virtual clock in tests, so a timeout passes without waiting for it)
     * @param shortestPause null: a waiting step pauses the poll interval between two looks (against AWS); else at
     *                      most this long in real time (a simulation whose own clock moves between looks)
     */
    public OpenedTdevOps(TdevOps ops, EnvironmentConfig config, AutoCloseable resources, Clock clock,
                         Duration shortestPause) {
        this.ops = ops;
        this.config = config;
        this.resources = resources;
        this.clock = clock;
        this.shortestPause = shortestPause;
    }

    public Clock clock() {
        return clock;
    }

    /** How long to pause in real time before the next look, for a poll interval of {@code pollMillis}. */
    long pauseMillis(long pollMillis) {
        return shortestPause == null ? pollMillis : Math.min(pollMillis, shortestPause.toMillis());
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
        OpenedTdevOps copy = new OpenedTdevOps(ops, config, () -> {
            try {
                if (mine != null) {
                    mine.close();
                }
            } finally {
                more.close();
            }
        }, clock, shortestPause);
        copy.context = context;
        return copy;
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
