package io.tdev.ops.api.change;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.change.Deploy;

/**
 * Deploys an image: registers a revision cloned from the service's current task definition with the image replaced,
 * points the service at it and (with {@code wait}) waits until it is stable. Refuses while another deployment rolls.
 */
public interface DeployUseCase {
    DeployResult run(DeployRequest request);

    static DeployUseCase over(OpsContext context) {
        return new Deploy(context);
    }
}
