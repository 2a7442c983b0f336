package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.runbook.Sleeper;

import java.time.Clock;

/**
 * The simulated T-Developer environment: every port, stateful, in memory, on virtual time. Sleeping through
 * {@link #sleeper()} advances the virtual clock and lets deployments progress.
 */
public final class SimEnvironment {

    /** A named scenario (healthy, bad-deploy, alarm-storm, throttled, ...) seeded with the config's names. */
    public static SimEnvironment scenario(String name, EnvironmentConfig config) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public OpsPorts ports() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Clock clock() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Sleeper sleeper() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
