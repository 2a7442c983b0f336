package io.tdev.ops.api.traffic;

import io.tdev.ops.model.InvalidInputException;

/**
 * Get ready for expected traffic: the service to {@code tasks} (autoscaling's minimum raised with it, so target
 * tracking does not scale back in), and optionally the database to a bigger class.
 *
 * @param tasks         desired tasks during the event (1..1000; the runbook: 10)
 * @param instanceClass the database's class during the event, or null to leave it
 * @param dryRun        only the plan
 */
public record TrafficPrepareRequest(int tasks, String instanceClass, boolean dryRun) {
    public static final int MAX_TASKS = 1000;

    public TrafficPrepareRequest {
        if (tasks < 1 || tasks > MAX_TASKS) {
            throw new InvalidInputException("tasks", "got " + tasks + "; allowed 1.." + MAX_TASKS);
        }
        instanceClass = instanceClass == null ? null : DbResizeRequest.requireClass("instanceClass", instanceClass);
    }
}
