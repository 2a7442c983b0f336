package io.tdev.ops.cli;

import picocli.CommandLine.Option;

/** --dry-run for the commands that change the service: print the plan, change nothing. */
public final class PlanOnlyOption {
    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;
}
