package io.tdev.ops.cli;

import java.time.Duration;

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

    boolean waitForStable() {
        return !noWait;
    }

    /** null: the environment's deploy.stableTimeoutMinutes; the request refuses 0 and less. */
    Duration timeout() {
        return timeoutMinutes == null ? null : Duration.ofMinutes(timeoutMinutes);
    }

    boolean dryRun() {
        return planOnly.dryRun;
    }
}
