package io.tdev.ops.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A simulated production environment and the context the traffic use cases run with on it. */
final class TrafficFixture {
    final SimEnvironment sim;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    final OpsContext ctx;

    private TrafficFixture(SimEnvironment sim) {
        this.sim = sim;
        this.ctx = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), progress::add, "alice");
    }

    static TrafficFixture scenario(String name) {
        return new TrafficFixture(SimEnvironment.scenario(name, TestConfigs.production()));
    }

    /** Every mutating call the simulation answered so far. */
    List<String> changes() {
        return sim.callLog().stream().map(c -> c.api())
                .filter(api -> api.contains("Modify") || api.contains("Update") || api.contains("Register")
                        || api.contains("TagResource") || api.contains("UntagResource"))
                .toList();
    }
}
