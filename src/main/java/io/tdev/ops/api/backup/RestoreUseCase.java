package io.tdev.ops.api.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.backup.RestoreBackup;

/**
 * Restores a backup into a NEW table (never an existing one, never the live one), waits until it is ACTIVE, verifies
 * its item count against the backup, and says how to switch over without doing it.
 */
public interface RestoreUseCase {
    RestoreResult run(RestoreRequest request);

    static RestoreUseCase over(OpsContext context) {
        return new RestoreBackup(context);
    }
}
