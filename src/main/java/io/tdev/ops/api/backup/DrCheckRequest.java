package io.tdev.ops.api.backup;

import io.tdev.ops.model.InvalidInputException;

/** @param sampleSize how many of the newest objects to ask S3 for their replication status; null: {@code dr.replicationSampleSize} */
public record DrCheckRequest(Integer sampleSize) {
    public DrCheckRequest {
        if (sampleSize != null && (sampleSize < 1 || sampleSize > 1000)) {
            throw new InvalidInputException("sampleSize", "got " + sampleSize + "; allowed 1..1000");
        }
    }
}
