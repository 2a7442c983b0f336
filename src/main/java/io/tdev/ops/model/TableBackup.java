package io.tdev.ops.model;

import java.time.Instant;

/** A DynamoDB on-demand backup; status CREATING, AVAILABLE or DELETED. */
public record TableBackup(String arn, String name, String table, Instant createdAt, String status, long sizeBytes) {
}
