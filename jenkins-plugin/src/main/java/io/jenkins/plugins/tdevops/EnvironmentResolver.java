package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.FilePath;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The environment a step works on: the step's {@code environment} else the global one, loaded by the engine's
 * {@link ConfigLoader} with the step's {@code configFile} (read from the workspace) else the global config file (on
 * the controller). Loading and validating stay in the engine; an invalid file is its InvalidInputException.
 */
final class EnvironmentResolver {
    private EnvironmentResolver() {
    }

    static EnvironmentConfig resolve(Connection step, TdevOpsConfiguration global, FilePath workspace)
            throws IOException, InterruptedException {
        String name = step.environment() != null ? step.environment() : global.getEnvironment();
        if (name == null) {
            throw new AbortException("environment: not set; give the step environment: 'production' (or 'staging'), "
                    + "or set a default under Manage Jenkins » System » T-Developer Ops");
        }
        if (step.configFile() != null) {
            return loadFromWorkspace(name, step.configFile(), workspace);
        }
        Path controllerFile = global.getConfigFile() != null ? Path.of(global.getConfigFile()) : null;
        return ConfigLoader.load(name, controllerFile);
    }

    // The file may live on an agent; the engine reads a local path, so it gets a controller-side copy.
    private static EnvironmentConfig loadFromWorkspace(String name, String relativePath, FilePath workspace)
            throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException("configFile: '" + relativePath + "' is read from the workspace; "
                    + "call the step inside node { } or set the config file in the global configuration");
        }
        FilePath file = workspace.child(relativePath);
        if (!file.exists()) {
            throw new AbortException("configFile: '" + relativePath + "' does not exist in the workspace "
                    + workspace.getRemote());
        }
        Path copy = Files.createTempFile("tdev-ops-env", ".yaml");
        try {
            Files.writeString(copy, file.readToString(), StandardCharsets.UTF_8);
            return ConfigLoader.load(name, copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
