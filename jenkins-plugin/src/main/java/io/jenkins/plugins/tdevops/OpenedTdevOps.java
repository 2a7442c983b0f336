package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Sleeper;
import io.tdev.ops.config.EnvironmentConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The engine opened for one step: the environment's context the typed use cases run with and what to close with it
 * ({@link OpenContext}, as the CLI opens it), plus how a step that waits by itself paces its looks at a rollout. That
 * pacing is the one thing the plugin adds: against AWS the poll interval passes in real time between two looks; a
 * simulation, whose clock moves only when told, lets the interval pass on its own clock and pauses only briefly.
 */
public final class OpenedTdevOps implements AutoCloseable {
    private final OpenContext opened;
    private final Clock clock;
    private final Duration shortestPause;
    private final Sleeper intervalPasses;

    /** Against AWS: the context's clock, and the poll interval in real time between two looks. */
    public OpenedTdevOps(OpsContext context, AutoCloseable resources) {
        this(new OpenContext(context, resources), context.clock(), null, null);
    }

    /**
     * On a simulation (the plugin's tests, a demo Jenkins).
     *
     * @param clock          the clock a waiting step counts its deadline and "waited" on
     * @param shortestPause  the longest real pause between two looks
     * @param intervalPasses called before each look with the poll interval: lets it pass on the simulation's clock
     *                       (against AWS it passes by itself)
     */
    public OpenedTdevOps(OpsContext context, AutoCloseable resources, Clock clock, Duration shortestPause,
                         Sleeper intervalPasses) {
        this(new OpenContext(context, resources), clock, Objects.requireNonNull(shortestPause, "shortestPause"),
                Objects.requireNonNull(intervalPasses, "intervalPasses"));
    }

    private OpenedTdevOps(OpenContext opened, Clock clock, Duration shortestPause, Sleeper intervalPasses) {
        this.opened = opened;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shortestPause = shortestPause;
        this.intervalPasses = intervalPasses;
    }

    /** What the typed use cases run with. */
    public OpsContext context() {
        return opened.context();
    }

    public EnvironmentConfig config() {
        return opened.context().config();
    }

    /** The clock a waiting step counts on: the wall clock against AWS, a simulation's own clock in tests. */
    public Clock clock() {
        return clock;
    }

    /** How long to pause in real time before the next look, for a poll interval of {@code pollMillis}. */
    long pauseMillis(long pollMillis) {
        return shortestPause == null ? pollMillis : Math.min(pollMillis, shortestPause.toMillis());
    }

    /** Just before a look: on a simulation, the poll interval passes on its clock; against AWS nothing happens. */
    void beforeLook(long pollMillis) throws InterruptedException {
        if (intervalPasses != null) {
            intervalPasses.sleep(Duration.ofMillis(pollMillis));
        }
    }

    /** The same engine, also closing {@code more} (e.g. the credentials it signs with) after its own resources. */
    OpenedTdevOps alsoClosing(AutoCloseable more) {
        return new OpenedTdevOps(opened.alsoClosing(more), clock, shortestPause, intervalPasses);
    }

    @Override
    public void close() throws Exception {
        opened.close();
    }
}
