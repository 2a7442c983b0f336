package io.tdev.ops.sim;

import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Instant;

/** One ECS deployment of the service, mutable as ECS moves it along. */
final class SimDeployment {
    final String id;
    final TaskDefinitionRef taskDefinition;
    final Instant createdAt;
    String status = "PRIMARY";
    RolloutState rollout = RolloutState.IN_PROGRESS;
    String reason;
    int desired;
    int failedTasks;
    Instant updatedAt;
    /** False once the deployment failed or was stopped: ECS launches no new task for it. */
    boolean launching = true;
    Instant nextLaunchAt;

    SimDeployment(String id, TaskDefinitionRef taskDefinition, int desired, Instant createdAt) {
        this.id = id;
        this.taskDefinition = taskDefinition;
        this.desired = desired;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.nextLaunchAt = createdAt;
        this.reason = "ECS deployment " + id + " in progress.";
    }

    boolean primary() {
        return "PRIMARY".equals(status);
    }

    Deployment view(String name, int running, int pending) {
        return new Deployment(name, status, taskDefinition, rollout, reason, desired, running, pending, failedTasks,
                createdAt, updatedAt);
    }
}
