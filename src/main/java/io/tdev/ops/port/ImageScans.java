package io.tdev.ops.port;

import io.tdev.ops.model.ImageScanFindings;

/** ECR image scanning. */
public interface ImageScans {
    void startScan(String repository, String imageTag);

    /** The repository's images, newest push first (all pages). */
    java.util.List<io.tdev.ops.model.ImageDetail> images(String repository);

    /**
     * One image (DescribeImages with its tag or digest) in the registry of {@code image.registryId()}: the image,
     * or empty when the repository has no such image (ECR's ImageNotFoundException). A missing repository is a
     * {@link io.tdev.ops.model.PreconditionFailedException} naming it (RepositoryNotFoundException). The image must
     * be in this connection's region: an image of another region's registry is an
     * {@link io.tdev.ops.model.InvalidInputException} on {@code image} (it cannot be looked up from here).
     */
    java.util.Optional<io.tdev.ops.model.ImageDetail> image(io.tdev.ops.model.EcrImage image);

    /**
     * Findings of the newest scan of the image (status IN_PROGRESS while it runs); an image ECR has no scan of
     * (ScanNotFoundException) is {@link ImageScanFindings#notScanned}, so callers decide on the fact, not on a message.
     */
    ImageScanFindings findings(String repository, String imageTag);
}
