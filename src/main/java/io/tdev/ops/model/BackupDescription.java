package io.tdev.ops.model;

/**
 * A backup as DynamoDB's DescribeBackup tells it: the backup, and the source table's item count and size when the
 * backup was taken (DynamoDB's own figures, which it refreshes about every six hours).
 */
public record BackupDescription(TableBackup backup, long itemCount, long tableSizeBytes) {
}
