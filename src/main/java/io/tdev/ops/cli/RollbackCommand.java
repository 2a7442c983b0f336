package io.tdev.ops.cli;

import io.tdev.ops.api.TdevOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        header = "Roll back to last-known-good, previous, or a revision.",
        description = {"Roll the service back: stops a deployment in progress, updates the service to the target"
                + " revision, waits until stable and notifies the alert topic (from, to, reason, who).",
                "Already on the target: says so and changes nothing."},
        footer = {"",
                "Exit: 0 rolled back (or already there, or planned with --dry-run); 1 nothing to roll back to or the"
                        + " rollback failed (the message says where it stopped and what to run next);"
                        + " 2 invalid input; 3 remote failure.",
                "JSON: {from, to, status, actions[], notification}",
                "",
                "Examples:",
                "  tdev-ops rollback --simulate --scenario bad-deploy --reason \"5xx after 2.1.0\"",
                "  tdev-ops rollback --target previous --dry-run",
                "  tdev-ops rollback --env staging --target t-developer-staging:41 --no-notify"})
public final class RollbackCommand extends OpsCommand {
    @Option(names = "--target", paramLabel = "TARGET",
            description = "last-known-good (default) | previous | REVISION | FAMILY:REVISION | ARN.")
    String target;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: goes into the notification and the actions.")
    String reason;

    @Option(names = "--no-wait", description = "Return once the service is updated instead of waiting until stable.")
    boolean noWait;

    @Option(names = "--timeout-minutes", paramLabel = "N",
            description = "Wait at most N minutes for stable (default: the config's deploy.stableTimeoutMinutes).")
    Integer timeoutMinutes;

    @Option(names = "--no-notify", description = "Do not publish to the alert topic.")
    boolean noNotify;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Override
    protected Map<String, Object> arguments() {
        return new ArgumentMap().put("target", target).put("reason", reason).put("wait", noWait ? false : null)
                .put("timeoutMinutes", timeoutMinutes).put("notify", noNotify ? false : null)
                .put("dryRun", dryRun ? true : null).map();
    }

    @Override
    protected Map<String, Object> invoke(TdevOps ops, Map<String, Object> arguments) {
        return ops.rollback(arguments);
    }

    @Override
    protected int exitCode(Map<String, Object> result) {
        return Outcomes.failed(result) ? 1 : 0;
    }
}
