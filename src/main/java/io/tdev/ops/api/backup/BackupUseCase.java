package io.tdev.ops.api.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.backup.TakeBackup;

/** An on-demand backup of the metadata table, waited for until AVAILABLE, optionally verified against the table. */
public interface BackupUseCase {
    BackupResult run(BackupRequest request);

    static BackupUseCase over(OpsContext context) {
        return new TakeBackup(context);
    }
}
