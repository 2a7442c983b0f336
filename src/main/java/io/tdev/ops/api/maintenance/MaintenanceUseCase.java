package io.tdev.ops.api.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.maintenance.MonthlyMaintenance;

/** The runbook's monthly maintenance: five tasks, each planned first; a dry run changes nothing. */
public interface MaintenanceUseCase {
    /** @throws InterruptedException when the caller is aborted while waiting for a scan: an abort, not a failure */
    MaintenanceResult run(MaintenanceRequest request) throws InterruptedException;

    static MaintenanceUseCase over(OpsContext context) {
        return new MonthlyMaintenance(context);
    }
}
