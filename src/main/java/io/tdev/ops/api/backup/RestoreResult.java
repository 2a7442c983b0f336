package io.tdev.ops.api.backup;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;

import java.util.List;

/**
 * One restore into a new table. The first five components are the JSON contract the issue pins.
 *
 * @param itemCount       items in the restored table (counted exactly once it is ACTIVE), null before
 * @param verified        the restored table's item count is the backup's (within {@code dr.verifyTolerancePercent});
 *                        null until the table is ACTIVE
 * @param status          PLANNED (dry run), ACTIVE, or CREATING when the wait ended first
 * @param backupItemCount the backup's item count (DynamoDB's figure when it was taken)
 * @param next            how to switch the service over (not done here), or how to keep watching
 */
public record RestoreResult(String backupArn, String restoredTable, Long itemCount, Boolean verified,
                            List<Action> actions, String status, String backupName, long backupItemCount,
                            String liveTable, String message, String next) implements Outcome {
    public RestoreResult {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ok() {
        return "PLANNED".equals(status) || ("ACTIVE".equals(status) && Boolean.TRUE.equals(verified));
    }

    @Override
    public String markdown() {
        return "## Restore of `" + backupName + "` into `" + restoredTable + "`: **" + status + "**"
                + (Boolean.TRUE.equals(verified) ? " (verified)" : Boolean.FALSE.equals(verified) ? " (verification FAILED)" : "")
                + "\n\n| | backup | restored table |\n|---|---|---|\n"
                + "| items | " + backupItemCount + " | " + (itemCount == null ? "" : itemCount) + " |\n\n"
                + "Backup `" + backupArn + "`; the live table `" + liveTable + "` is not touched.\n\n"
                + message + "\n" + (next == null ? "" : "\nNext: " + next + "\n")
                + ActionsTable.of(actions);
    }
}
