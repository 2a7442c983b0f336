package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.RestoreRequest;
import io.tdev.ops.api.backup.RestoreResult;
import io.tdev.ops.api.backup.RestoreUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true,
        header = "Restore a backup into a NEW table and verify it.",
        description = "Restores a DynamoDB backup into a new table (an existing table name and the live table's name"
                + " are refused: nothing is ever overwritten), waits until it is ACTIVE, counts its items against the"
                + " backup's, and prints how to switch the service over (the runbook's redeploy) without doing it.",
        footer = {"",
                "Exit: 0 restored and verified / planned; 1 not verified, still CREATING, or a precondition failed"
                        + " (the table exists, no backup); 2 invalid input; 3 remote failure.",
                "JSON: {backupArn, restoredTable, itemCount, verified, actions[], status, backupName, backupItemCount,"
                        + " liveTable, message, next}",
                "",
                "Examples:",
                "  tdev-ops restore --simulate --backup latest --target-table t-developer-metadata-production-restored",
                "  tdev-ops restore --backup latest --target-table t-developer-metadata-production-restored --dry-run"})
public final class RestoreCommand extends OutcomeCommand<RestoreResult> {
    @Option(names = "--backup", paramLabel = "ARN|latest", required = true,
            description = "The backup: latest (the newest AVAILABLE one) or its ARN.")
    String backup;

    @Option(names = "--target-table", paramLabel = "NAME", required = true,
            description = "The NEW table to restore into (refused when it exists or is the live table).")
    String targetTable;

    @Option(names = "--dry-run", description = "Check everything and print the plan; restore nothing.")
    boolean dryRun;

    @Override
    protected RestoreResult run(OpsContext context) {
        return RestoreUseCase.over(context).run(new RestoreRequest(backup, targetTable, dryRun));
    }
}
