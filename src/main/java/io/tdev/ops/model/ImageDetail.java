package io.tdev.ops.model;

import java.time.Instant;
import java.util.List;

/** An image in an ECR repository (DescribeImages): its tags, digest, push time and size; tags may be empty. */
public record ImageDetail(String digest, List<String> tags, Instant pushedAt, long sizeBytes) {
    public ImageDetail {
        tags = List.copyOf(tags);
    }
}
