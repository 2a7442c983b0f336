package io.tdev.ops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which environment a command is about: its built-in name and a YAML file overriding its fields. */
public final class EnvironmentOptions {
    @Option(names = {"--env", "--environment"}, paramLabel = "NAME", defaultValue = "production",
            description = "Environment: production (default), staging, or a name defined by --config."
                    + " --environment is the same option (the name the Jenkins steps use).")
    String env;

    @Option(names = {"--config", "--config-file"}, paramLabel = "FILE",
            description = "YAML file whose fields override the environment's (any field, e.g. slo.cpuPercent).")
    Path config;

    public String env() {
        return env;
    }

    public Path config() {
        return config;
    }
}
