package io.tdev.ops.maintenance;

import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;

/** One task of the monthly maintenance: reads, plans, and (not in a dry run) applies its plan. */
interface MaintenanceTask {
    String name();

    TaskResult run(MaintenanceRequest request) throws InterruptedException;
}
