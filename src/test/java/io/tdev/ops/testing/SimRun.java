package io.tdev.ops.testing;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.sim.SimEnvironment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A simulated environment and the context a use case runs with on it, recording the progress lines. */
public final class SimRun {
    public final SimEnvironment sim;
    public final OpsContext ctx;
    public final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    public SimRun(SimEnvironment sim) {
        this.sim = sim;
        this.ctx = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), progress::add, "alice");
    }

    public static SimRun scenario(String name) {
        return new SimRun(SimEnvironment.scenario(name, TestConfigs.production()));
    }

    public static SimRun scenario(String name, EnvironmentConfig config) {
        return new SimRun(SimEnvironment.scenario(name, config));
    }
}
