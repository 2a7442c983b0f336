package io.tdev.ops.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command that changes the service waits for it: until stable (at most N minutes), not at all, or only plans. */
public final class WaitOptions {
    @Option(names = "--no-wait", description = "Return once the service is updated instead of waiting until stable.")
    boolean noWait;

    @Option(names = "--timeout-minutes", paramLabel = "N",
            description = "Wait at most N minutes for stable (default: the config's deploy.stableTimeoutMinutes).")
    Integer timeoutMinutes;

    @Mixin
    PlanOnlyOption planOnly;

    /** Adds wait, timeoutMinutes and dryRun, only those given (the facade's defaults apply to the rest). */
    OpsCommand.ArgumentMap addTo(OpsCommand.ArgumentMap arguments) {
        return planOnly.addTo(arguments.putFalseIfOn("wait", noWait).put("timeoutMinutes", timeoutMinutes));
    }
}
