package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.RollbackUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
public final class RollbackCommand extends ChangeCommand<RollbackResult> {
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
    protected RollbackResult run(OpsContext context) {
        return RollbackUseCase.over(context).run(RollbackRequest.of(target, reason, waiting.waitForStable(),
                waiting.timeout(), !noNotify, waiting.dryRun()));
    }
}
