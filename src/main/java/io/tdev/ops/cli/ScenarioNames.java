package io.tdev.ops.cli;

import io.tdev.ops.sim.SimEnvironment;

import java.util.Iterator;

/** The simulation's scenario names, for --scenario's help and completion. */
final class ScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return SimEnvironment.scenarioNames().iterator();
    }
}
