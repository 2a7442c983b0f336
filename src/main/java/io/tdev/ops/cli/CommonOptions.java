package io.tdev.ops.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command takes: which environment, which config, where it runs, how to print. */
public final class CommonOptions {
    @Mixin
    EnvironmentOptions environment;

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
        return environment.env();
    }

    public Path config() {
        return environment.config();
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
