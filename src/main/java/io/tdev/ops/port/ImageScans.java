package io.tdev.ops.port;

import io.tdev.ops.model.ImageScanFindings;

/** ECR image scanning. */
public interface ImageScans {
    void startScan(String repository, String imageTag);

    /** Findings of the newest scan of the image (status IN_PROGRESS while it runs). */
    ImageScanFindings findings(String repository, String imageTag);
}
