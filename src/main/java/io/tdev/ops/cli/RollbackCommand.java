package io.tdev.ops.cli;

import io.tdev.ops.api.TdevOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                "  tdev-ops rollback --env staging --target t-developer-backend-staging:41 --no-notify"})
public final class RollbackCommand extends ChangeCommand {
    @Option(names = "--target", paramLabel = "TARGET",
            description = "last-known-good (default) | previous | REVISION | FAMILY:REVISION | ARN.")
    String target;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: goes into the notification and the actions.")
    String reason;

    @Mixin
    WaitOptions waiting;

    @Option(names = "--no-notify", description = "Do not publish to the alert topic.")
    boolean noNotify;

    @Override
    protected Map<String, Object> arguments() {
        return waiting.addTo(new ArgumentMap().put("target", target).put("reason", reason)
                .putFalseIfOn("notify", noNotify)).map();
    }

    @Override
    protected Map<String, Object> invoke(TdevOps ops, Map<String, Object> arguments) {
        return ops.rollback(arguments);
    }
}
