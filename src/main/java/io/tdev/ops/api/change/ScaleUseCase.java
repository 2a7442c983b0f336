package io.tdev.ops.api.change;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.change.Scale;

/**
 * Sets the service's desired count within the environment's bounds, raising the autoscaling minimum with a scale-up
 * so that it holds, and (with {@code wait}) waits until the tasks run.
 */
public interface ScaleUseCase {
    ScaleResult run(ScaleRequest request);

    static ScaleUseCase over(OpsContext context) {
        return new Scale(context);
    }
}
