package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.admin.AdminRequest;
import io.tdev.ops.api.admin.AdminResult;
import io.tdev.ops.api.admin.AdminUseCase;
import picocli.CommandLine.Option;

/** The admin endpoint commands: one call each, with a reason for the audit trail and a dry run. */
abstract class AdminCommand extends OutcomeCommand<AdminResult> {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (goes into the audit trail).")
    String reason;

    @Option(names = "--dry-run", description = "Print what would be sent; send nothing.")
    boolean dryRun;

    protected abstract AdminRequest request();

    @Override
    protected AdminResult run(OpsContext context) {
        return AdminUseCase.over(context).run(request());
    }
}
