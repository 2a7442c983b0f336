package io.tdev.ops.model;

/**
 * A DynamoDB table as DescribeTable tells it: status CREATING, ACTIVE, UPDATING, DELETING, ...; item count and size
 * are DynamoDB's figures, refreshed about every six hours (an exact count needs a Scan).
 */
public record TableState(String name, String status, long itemCount, long sizeBytes) {
    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
