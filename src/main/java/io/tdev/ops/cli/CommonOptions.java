package io.tdev.ops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command takes: which environment, which config, where it runs, how to print. */
public final class CommonOptions {
    @Option(names = {"--env", "--environment"}, paramLabel = "NAME", defaultValue = "production",
            description = "Environment: production (default), staging, or a name defined by --config."
                    + " --environment is the same option (the name the Jenkins steps use).")
    String env;

    @Option(names = {"--config", "--config-file"}, paramLabel = "FILE",
            description = "YAML file whose fields override the environment's (any field, e.g. slo.cpuPercent).")
    Path config;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--simulate",
            description = "Run against the embedded simulated environment (virtual time) instead of AWS.")
    boolean simulate;

    @Option(names = "--scenario", paramLabel = "NAME", completionCandidates = ScenarioNames.class,
            description = "Simulated scenario (with --simulate; default healthy): ${COMPLETION-CANDIDATES}.")
    String scenario;

    public String env() {
        return env;
    }

    public Path config() {
        return config;
    }

    public OutputFormat output() {
        return output;
    }

    public boolean simulate() {
        return simulate;
    }

    public String scenario() {
        return scenario;
    }
}
