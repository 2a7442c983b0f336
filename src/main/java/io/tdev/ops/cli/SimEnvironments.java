package io.tdev.ops.cli;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.SimEnvironment;

/** Opens a simulated scenario; a name the simulation does not know is invalid input on --scenario. */
final class SimEnvironments {
    private SimEnvironments() {
    }

    static SimEnvironment scenario(String name, EnvironmentConfig config) {
        try {
            return SimEnvironment.scenario(name, config);
        } catch (InvalidInputException e) {
            throw e.field().equals("--scenario") ? e : new InvalidInputException("--scenario", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--scenario", e.getMessage());
        }
    }
}
