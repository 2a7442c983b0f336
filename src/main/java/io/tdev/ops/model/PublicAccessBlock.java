package io.tdev.ops.model;

import java.util.ArrayList;
import java.util.List;

/** A bucket's S3 Block Public Access settings (GetPublicAccessBlock). */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {
    public static final PublicAccessBlock ALL_BLOCKED = new PublicAccessBlock(true, true, true, true);

    public boolean allBlocked() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }

    /** The settings that are off, by their S3 names; empty when all four are on. */
    public List<String> off() {
        List<String> off = new ArrayList<>();
        if (!blockPublicAcls) {
            off.add("BlockPublicAcls");
        }
        if (!ignorePublicAcls) {
            off.add("IgnorePublicAcls");
        }
        if (!blockPublicPolicy) {
            off.add("BlockPublicPolicy");
        }
        if (!restrictPublicBuckets) {
            off.add("RestrictPublicBuckets");
        }
        return off;
    }
}
