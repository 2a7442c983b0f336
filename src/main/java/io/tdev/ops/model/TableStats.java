package io.tdev.ops.model;

/** What DynamoDB says of a table (DescribeTable): item count and size, which it updates about every six hours. */
public record TableStats(String table, long itemCount, long sizeBytes) {
}
