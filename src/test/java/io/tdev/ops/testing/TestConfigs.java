package io.tdev.ops.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tdev.ops.config.EnvironmentConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The built-in environments read straight from their YAML resources, so the engine's tests do not depend on
 * ConfigLoader (the CLI's part).
 */
public final class TestConfigs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private TestConfigs() {
    }

    public static EnvironmentConfig production() {
        return load("production");
    }

    public static EnvironmentConfig staging() {
        return load("staging");
    }

    private static EnvironmentConfig load(String name) {
        String resource = "/io/tdev/ops/env/" + name + ".yaml";
        try (InputStream in = TestConfigs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return YAML.readValue(in, EnvironmentConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
