package io.tdev.ops.api.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.backup.DrCheck;

/**
 * Is the environment ready for a disaster: the projects bucket's cross-region replication (rule and the status of
 * the newest objects), point-in-time recovery on the table, the newest backup's age, the primary's health check.
 */
public interface DrCheckUseCase {
    DrCheckResult run(DrCheckRequest request);

    static DrCheckUseCase over(OpsContext context) {
        return new DrCheck(context);
    }
}
