package io.tdev.ops.api.backup;

/**
 * @param verify compare the backup's item count and size with the table's once it is AVAILABLE
 * @param dryRun return the plan (the backup's name, the table) and take nothing
 */
public record BackupRequest(boolean verify, boolean dryRun) {
}
