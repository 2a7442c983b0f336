package io.tdev.ops.model;

import java.util.List;

/** Cross-region replication of a bucket: whether a configuration exists and its rules' destinations. */
public record ReplicationStatus(boolean configured, List<String> destinationBuckets, List<String> ruleStatuses) {
    public ReplicationStatus {
        destinationBuckets = List.copyOf(destinationBuckets);
        ruleStatuses = List.copyOf(ruleStatuses);
    }
}
