package io.tdev.ops.model;

import java.time.Instant;

/**
 * One ECS task as DescribeTasks shows it.
 *
 * @param arn           the task's ARN ({@code arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID})
 * @param lastStatus    PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED
 * @param desiredStatus RUNNING, or STOPPED once a stop was asked for
 * @param group         {@code service:NAME} for a task a service started
 * @param startedAt     when it started running; null while it has not
 */
public record EcsTask(String arn, String lastStatus, String desiredStatus, String group, Instant startedAt) {
    public boolean running() {
        return "RUNNING".equals(lastStatus) && "RUNNING".equals(desiredStatus);
    }

    /** The id at the end of the ARN. */
    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
