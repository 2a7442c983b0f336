package io.tdev.ops.config;

import java.nio.file.Path;

/**
 * Loads an environment: the built-in {@code production} / {@code staging} YAML, then a config file whose
 * fields override it. Invalid config is an InvalidInputException naming the field path and allowed values.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** The built-in environment {@code name}, overridden by {@code overrideFile} when not null. */
    public static EnvironmentConfig load(String name, Path overrideFile) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static EnvironmentConfig builtIn(String name) {
        return load(name, null);
    }
}
