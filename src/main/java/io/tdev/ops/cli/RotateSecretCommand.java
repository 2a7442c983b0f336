package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.security.RotateSecretRequest;
import io.tdev.ops.api.security.RotateSecretResult;
import io.tdev.ops.api.security.RotateSecretUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate-secret", mixinStandardHelpOptions = true,
        header = "Rotates the API-key secret; never prints its value.",
        description = {"Where Secrets Manager rotation is configured: RotateSecret, then waits (progress on stderr, at"
                + " most security.rotationWaitMinutes) until the new version is AWSCURRENT.",
                "Where it is not: a new random value (256 bits) as a new version; Secrets Manager makes it AWSCURRENT"
                        + " and keeps the replaced one as AWSPREVIOUS.",
                "The value is never read, printed or logged: the result names version ids only."},
        footer = {"",
                "Exit: 0 COMPLETED or PLANNED; 1 TIMED_OUT (the rotation goes on) or a rotation already under way;"
                        + " 2 invalid input; 3 remote failure.",
                "JSON: {secret, method (rotation|new-version), status, previousVersionId, newVersionId, message, next,"
                        + " actions[]}",
                "",
                "Examples:",
                "  tdev-ops rotate-secret --simulate --dry-run",
                "  tdev-ops rotate-secret --simulate",
                "  tdev-ops rotate-secret --simulate --scenario stale-secret --output json"})
public final class RotateSecretCommand extends OutcomeCommand<RotateSecretResult> {
    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Override
    protected RotateSecretResult run(OpsContext context) {
        return RotateSecretUseCase.over(context).run(new RotateSecretRequest(dryRun));
    }
}
