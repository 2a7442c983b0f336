package io.tdev.ops.port;

import io.tdev.ops.model.ImageScanFindings;

/** ECR image scanning. */
public interface ImageScans {
    void startScan(String repository, String imageTag);

    /** The repository's images, newest push first (all pages). */
    java.util.List<io.tdev.ops.model.ImageDetail> images(String repository);

    /** Findings of the newest scan of the image (status IN_PROGRESS while it runs). */
    ImageScanFindings findings(String repository, String imageTag);
}
