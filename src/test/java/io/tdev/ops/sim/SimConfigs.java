package io.tdev.ops.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tdev.ops.config.EnvironmentConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The built-in environments, read straight from their YAML (ConfigLoader belongs to another part). */
final class SimConfigs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SimConfigs() {
    }

    static EnvironmentConfig production() {
        return load("production");
    }

    static EnvironmentConfig staging() {
        return load("staging");
    }

    private static EnvironmentConfig load(String name) {
        try (InputStream in = SimConfigs.class.getResourceAsStream("/io/tdev/ops/env/" + name + ".yaml")) {
            return YAML.readValue(in, EnvironmentConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
