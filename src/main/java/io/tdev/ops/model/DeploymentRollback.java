package io.tdev.ops.model;

import java.time.Instant;

/**
 * A service deployment ECS rolled back: by the deployment circuit breaker, a CloudWatch alarm, or a
 * StopServiceDeployment with stop type ROLLBACK (tdev-ops' deploy guard). ECS keeps these 90 days.
 *
 * @param id         the service deployment's ARN (or the simulation's id)
 * @param startedAt  when the deployment began
 * @param finishedAt when the rollback finished; null while it runs
 * @param status     ECS's ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED
 * @param reason     ECS's status reason, null when it gave none
 */
public record DeploymentRollback(String id, Instant startedAt, Instant finishedAt, String status, String reason) {
}
