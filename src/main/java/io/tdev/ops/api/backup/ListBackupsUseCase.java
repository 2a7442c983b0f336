package io.tdev.ops.api.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.backup.ListBackups;

/** The metadata table's backups, newest first: name, age, size, status. */
public interface ListBackupsUseCase {
    BackupListResult run(ListBackupsRequest request);

    static ListBackupsUseCase over(OpsContext context) {
        return new ListBackups(context);
    }
}
