package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The environment a step works on: the step's {@code environment} else the global one, loaded by the engine's
 * {@link ConfigLoader} with the step's {@code configFile} else the global config file. Both are files <b>on the
 * controller</b> (one meaning for the steps, the vars and the global configuration, so a step works without
 * {@code node}, as tdevOneClickRollback runs): the global one anywhere an administrator puts it, a step's one only
 * inside {@code $JENKINS_HOME/tdev-ops/}, named relative to it, so that a Pipeline cannot make the controller read any
 * other file. Loading and validating stay in the engine; an invalid file is its InvalidInputException.
 */
final class EnvironmentResolver {
    /** Where a step's {@code configFile} must be, under the controller's JENKINS_HOME. */
    static final String STEP_CONFIG_DIR = "tdev-ops";

    private EnvironmentResolver() {
    }

    static EnvironmentConfig resolve(Connection step, TdevOpsConfiguration global, Path jenkinsHome)
            throws IOException {
        String name = step.environment() != null ? step.environment() : global.getEnvironment();
        if (name == null) {
            throw new AbortException("environment: not set; give the step environment: 'production' (or 'staging'), "
                    + "or set a default under Manage Jenkins » System » T-Developer Ops");
        }
        if (step.configFile() != null) {
            return ConfigLoader.load(name, stepConfigFile(step.configFile(), jenkinsHome));
        }
        Path controllerFile = global.getConfigFile() != null ? Path.of(global.getConfigFile()) : null;
        return ConfigLoader.load(name, controllerFile);
    }

    /** A step's configFile: a file inside JENKINS_HOME/tdev-ops on the controller, named relative to that folder. */
    static Path stepConfigFile(String configFile, Path jenkinsHome) throws AbortException {
        Path dir = jenkinsHome.resolve(STEP_CONFIG_DIR).toAbsolutePath().normalize();
        Path file = dir.resolve(configFile).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new AbortException("configFile: got '" + configFile + "'; a step's environment config file is a file "
                    + "on the controller inside " + dir + ", named relative to it (e.g. 'production.yaml')");
        }
        if (!Files.isRegularFile(file)) {
            throw new AbortException("configFile: '" + configFile + "' does not exist in " + dir + " on the controller; "
                    + "an administrator puts environment config files there");
        }
        return file;
    }
}
