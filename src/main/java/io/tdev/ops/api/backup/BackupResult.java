package io.tdev.ops.api.backup;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;

import java.util.List;

/**
 * One on-demand backup. The first seven components are the JSON contract the issue pins.
 *
 * @param backupArn      null in a dry run
 * @param status         the backup's status (AVAILABLE, CREATING when the wait ended first), or PLANNED in a dry run
 * @param itemCount      the table's item count the backup holds (DynamoDB's figure), null until AVAILABLE
 * @param tableItemCount the live table's item count (DynamoDB's figure, refreshed about every six hours)
 * @param verified       with --verify: item count and size within {@code dr.verifyTolerancePercent}; null without
 * @param message        what happened, for people (where a wait stopped, why a verification failed)
 * @param next           what to run next, or null
 */
public record BackupResult(String backupArn, String name, String status, Long itemCount, long tableItemCount,
                           Boolean verified, List<Action> actions, String table, Long sizeBytes, long tableSizeBytes,
                           String message, String next) implements Outcome {
    public BackupResult {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ok() {
        return ("AVAILABLE".equals(status) || "PLANNED".equals(status)) && !Boolean.FALSE.equals(verified);
    }

    @Override
    public String markdown() {
        return "## Backup of `" + table + "`: **" + status + "**" + (Boolean.TRUE.equals(verified) ? " (verified)"
                : Boolean.FALSE.equals(verified) ? " (verification FAILED)" : "") + "\n\n"
                + "| | backup | table |\n|---|---|---|\n"
                + "| name | `" + name + "` | `" + table + "` |\n"
                + "| items | " + (itemCount == null ? "" : itemCount) + " | " + tableItemCount + " |\n"
                + "| bytes | " + (sizeBytes == null ? "" : sizeBytes) + " | " + tableSizeBytes + " |\n\n"
                + (backupArn == null ? "" : "ARN `" + backupArn + "`\n\n")
                + message + "\n" + (next == null ? "" : "\nNext: `" + next + "`\n")
                + ActionsTable.of(actions);
    }
}
