package io.tdev.ops.security;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.sim.SimEnvironment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A simulated environment and the context the security use cases run with on it, recording progress lines. */
final class SecuritySims {
    final SimEnvironment sim;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    final OpsContext context;

    SecuritySims(SimEnvironment sim) {
        this.sim = sim;
        this.context = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), progress::add, "alice");
    }

    static SecuritySims scenario(String name) {
        return new SecuritySims(SimEnvironment.scenario(name, io.tdev.ops.testing.TestConfigs.production()));
    }
}
