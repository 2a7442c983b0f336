package io.tdev.ops.sim;

import io.tdev.ops.model.TargetState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Duration;
import java.time.Instant;

/** One Fargate task: PENDING until it starts, RUNNING, DRAINING from the target group, then gone. */
final class SimTask {
    enum Phase { PENDING, RUNNING, DRAINING, STOPPED }

    /** ALB health check: interval 10 s, healthy threshold 2, so a good task turns HEALTHY 20 s after it starts. */
    static final Duration HEALTH_CHECK_GRACE = Duration.ofSeconds(20);
    /** A crashing task's essential container exits this long after starting. */
    static final Duration CRASH_AFTER = Duration.ofSeconds(45);
    /** ALB deregistration delay while a task drains. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    final String id;
    final String deploymentId;
    final TaskDefinitionRef taskDefinition;
    /** Final but for a latent defect that breaks a running task ({@link SimEcs#breakTasksOf}). */
    TaskBehaviour behaviour;
    /** When a latent defect broke this running task, or null: it crashes {@link #CRASH_AFTER} later. */
    Instant brokeAt;
    final String ip;
    final Instant launchedAt;
    final Instant runningAt;
    Phase phase = Phase.PENDING;
    Instant drainUntil;

    SimTask(String id, String deploymentId, TaskDefinitionRef taskDefinition, TaskBehaviour behaviour, String ip,
            Instant launchedAt, Instant runningAt) {
        this.id = id;
        this.deploymentId = deploymentId;
        this.taskDefinition = taskDefinition;
        this.behaviour = behaviour;
        this.ip = ip;
        this.launchedAt = launchedAt;
        this.runningAt = runningAt;
    }

    boolean alive() {
        return phase == Phase.PENDING || phase == Phase.RUNNING;
    }

    boolean running() {
        return phase == Phase.RUNNING;
    }

    /** Counts toward a deployment's progress: running and passing the ALB health check. */
    boolean healthy(Instant now) {
        return phase == Phase.RUNNING && behaviour != TaskBehaviour.CRASHING
                && !now.isBefore(runningAt.plus(HEALTH_CHECK_GRACE));
    }

    Instant crashAt() {
        return (brokeAt != null && brokeAt.isAfter(runningAt) ? brokeAt : runningAt).plus(CRASH_AFTER);
    }

    /** The target's state in the ALB target group, or null when it is not registered. */
    TargetState targetState(Instant now) {
        return switch (phase) {
            case PENDING, STOPPED -> null;
            case DRAINING -> TargetState.DRAINING;
            case RUNNING -> now.isBefore(runningAt.plus(HEALTH_CHECK_GRACE)) ? TargetState.INITIAL
                    : behaviour == TaskBehaviour.CRASHING ? TargetState.UNHEALTHY : TargetState.HEALTHY;
        };
    }

    String shortId() {
        return id.substring(0, 8);
    }
}
