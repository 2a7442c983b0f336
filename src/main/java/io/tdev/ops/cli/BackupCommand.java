package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.backup.BackupRequest;
import io.tdev.ops.api.backup.BackupUseCase;
import io.tdev.ops.api.backup.ListBackupsRequest;
import io.tdev.ops.api.backup.ListBackupsUseCase;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        header = "Take an on-demand backup of the metadata table (or list the backups).",
        description = "An on-demand DynamoDB backup of the environment's metadata table, named by dr.backupNamePattern"
                + " (environment and UTC time); waits until it is AVAILABLE. --verify compares the backup's item count"
                + " and size with the table's. --list lists the backups instead (name, age, size, status).",
        footer = {"",
                "Exit: 0 AVAILABLE (and verified) / planned / listed; 1 still CREATING, not verified, or a precondition"
                        + " failed; 2 invalid input; 3 remote failure.",
                "JSON: {backupArn, name, status, itemCount, tableItemCount, verified, actions[], table, sizeBytes,"
                        + " tableSizeBytes, message, next}; with --list {table, total, backups[{name, age, sizeBytes,"
                        + " status, createdAt, backupArn}]}",
                "",
                "Examples:",
                "  tdev-ops backup --simulate --verify",
                "  tdev-ops backup --env staging --dry-run",
                "  tdev-ops backup --list --simulate --scenario stale-backup --output markdown"})
public final class BackupCommand extends OutcomeCommand<Outcome> {
    @Option(names = "--verify", description = "Compare the backup's item count and size with the table's.")
    boolean verify;

    @Option(names = "--list", description = "List the table's backups (newest first) instead of taking one.")
    boolean list;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "With --list: at most N backups (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--dry-run", description = "Print the plan (backup name, table); take nothing.")
    boolean dryRun;

    @Override
    protected Outcome run(OpsContext context) {
        if (list) {
            if (verify || dryRun) {
                throw new InvalidInputException("--list", "lists only; drop " + (verify ? "--verify" : "--dry-run"));
            }
            return ListBackupsUseCase.over(context).run(new ListBackupsRequest(limit));
        }
        return BackupUseCase.over(context).run(new BackupRequest(verify, dryRun));
    }
}
