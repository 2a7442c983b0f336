package io.tdev.ops.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image in an ECR registry, written as ECS pulls it: {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>}
 * or {@code ...@sha256:<digest>}. A deploy must name its registry: a bare {@code repository:tag} would be pulled
 * from Docker Hub, not from the environment's ECR, so it is refused rather than guessed.
 *
 * @param tag    the tag, or null when the image is given by digest
 * @param digest {@code sha256:...}, or null when the image is given by tag
 */
public record EcrImage(String uri, String registryId, String region, String repository, String tag, String digest) {
    /** The form people are shown when they give something else. */
    public static final String FORM = "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>";

    // ECR's own rules: a 12-digit registry id, lower-case repository path segments, tags up to 128 characters
    private static final Pattern URI = Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d)"
            + "\\.amazonaws\\.com(?:\\.cn)?/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)"
            + "(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))");

    /**
     * @param field the input's name in the caller's words ({@code image})
     * @throws InvalidInputException naming {@code field} and the expected form
     */
    public static EcrImage parse(String field, String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException(field, "is required: an ECR image URI " + FORM);
        }
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            throw new InvalidInputException(field, "got '" + uri + "'; expected an ECR image URI " + FORM
                    + " (or @sha256:<digest> instead of :<tag>)" + hint(uri));
        }
        return new EcrImage(uri, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    private static String hint(String uri) {
        return uri.contains("/") ? "" : "; a bare repository:tag names no registry (it would be pulled from Docker Hub)";
    }

    /** The tag or the digest: what DescribeImages is asked for. */
    public String reference() {
        return tag != null ? tag : digest;
    }

    /** Refusal of an image of another region's registry: DescribeImages can only look in the connection's region. */
    public InvalidInputException inOtherRegion(String field, String connectionRegion) {
        return new InvalidInputException(field, "got '" + uri + "'; its registry is in " + region + " but this run's ECR"
                + " is in " + connectionRegion + ": push the image to " + connectionRegion + "'s registry, or run in "
                + region + " (--region)");
    }

    /** "ECR repository 't-developer-backend-production' in registry 123456789012 (ap-northeast-2)". */
    public String repositoryDescription() {
        return "ECR repository '" + repository + "' in registry " + registryId + " (" + region + ")";
    }
}
