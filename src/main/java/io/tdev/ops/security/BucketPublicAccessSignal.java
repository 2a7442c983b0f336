package io.tdev.ops.security;

import io.tdev.ops.api.security.SecuritySignal;
import io.tdev.ops.api.security.SecurityStatus;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.port.Storage;
import io.tdev.ops.support.Retry;

import java.util.Optional;

/**
 * The projects bucket's own Block Public Access settings: all four on is OK. Some off, or none set on the bucket,
 * is a finding (the account's settings may still block; this check reads the bucket's, which are what a bucket
 * moved to another account keeps).
 */
final class BucketPublicAccessSignal {
    private final Storage storage;
    private final Retry retry;

    BucketPublicAccessSignal(Storage storage, Retry retry) {
        this.storage = storage;
        this.retry = retry;
    }

    SecuritySignal read(String bucket) {
        Optional<PublicAccessBlock> block = retry.call(() -> storage.publicAccessBlock(bucket));
        if (block.isEmpty()) {
            return new SecuritySignal("bucket-public-access", SecurityStatus.WARNING, 4L, bucket
                    + " has no Block Public Access settings of its own; turn all four on"
                    + " (aws s3api put-public-access-block)");
        }
        if (block.get().allBlocked()) {
            return new SecuritySignal("bucket-public-access", SecurityStatus.OK, 0L, bucket
                    + ": BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets are on");
        }
        return new SecuritySignal("bucket-public-access", SecurityStatus.WARNING, (long) block.get().off().size(),
                bucket + ": " + String.join(", ", block.get().off()) + " off; turn them on"
                        + " (aws s3api put-public-access-block)");
    }
}
