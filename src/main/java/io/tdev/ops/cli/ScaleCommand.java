package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleResult;
import io.tdev.ops.api.change.ScaleUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scale", mixinStandardHelpOptions = true,
        header = "Set the task count: N, +N, -N or a preset (p0, p1).",
        description = {"Set the service's task count: absolute, delta, or a preset (p0: 10 tasks for a total outage,"
                + " p1: +2 when degraded). An absolute count above the hard maximum (autoscaling.maxTasks, or the"
                + " registered MaxCapacity when larger) is refused; a delta is clamped to it. Where autoscaling is"
                + " registered, a scale-up raises MinCapacity to the new count (and MaxCapacity if needed) so target"
                + " tracking does not scale it back in, and the result says how to restore both.",
                "A count below the environment's minimum (autoscaling.minTasks), and 0 tasks in a protected"
                        + " environment, needs --force."},
        footer = {"",
                "Exit: 0 scaled (or planned with --dry-run); 1 the service did not become stable;"
                        + " 2 invalid input (also a count below autoscaling.minTasks without --force); 3 remote failure.",
                "JSON: {from, to, status, minCapacity, maxCapacity, restore, actions[]}",
                "",
                "Examples:",
                "  tdev-ops scale --simulate --count +2",
                "  tdev-ops scale --count p0 --dry-run",
                "  tdev-ops scale --env staging --count 0 --force"})
public final class ScaleCommand extends ChangeCommand<ScaleResult> {
    @Option(names = "--count", paramLabel = "COUNT", required = true,
            description = "N | +N | -N | a preset of the config's scalePresets (p0, p1).")
    String count;

    @Option(names = "--force", description = "Allow a count below autoscaling.minTasks, and 0 tasks in a protected environment.")
    boolean force;

    @Mixin
    WaitOptions waiting;

    @Override
    protected ScaleResult run(OpsContext context) {
        return ScaleUseCase.over(context).run(ScaleRequest.of(count, force, waiting.waitForStable(), waiting.timeout(),
                waiting.dryRun()));
    }
}
