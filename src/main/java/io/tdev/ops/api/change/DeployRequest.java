package io.tdev.ops.api.change;

import io.tdev.ops.model.EcrImage;

import java.time.Duration;

/**
 * What to deploy; checked when made, before anything is read.
 *
 * @param image     an ECR image URI ({@link EcrImage#FORM}); required
 * @param container whose image is replaced; null = config {@code ecs.container}, else the first essential one
 * @param waitForStable wait until the service is stable ({@code wait}; false: return STARTED)
 * @param timeout   how long to wait ({@code timeoutMinutes}); null = config {@code deploy.stableTimeoutMinutes}
 * @param dryRun    check everything and return the plan; change nothing
 */
public record DeployRequest(String image, String container, boolean waitForStable, Duration timeout, boolean dryRun) {
    public DeployRequest {
        image = EcrImage.parse("image", image == null ? null : image.strip()).uri();
        container = container == null || container.isBlank() ? null : container.strip();
        Timeout.check(timeout);
    }

    /** Deploy {@code image} and wait, with the environment's defaults. */
    public static DeployRequest of(String image) {
        return new DeployRequest(image, null, true, null, false);
    }

    /** The image, parsed (its form was checked when this request was made). */
    public EcrImage ecrImage() {
        return EcrImage.parse("image", image);
    }
}
