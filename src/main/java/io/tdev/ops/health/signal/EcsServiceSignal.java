package io.tdev.ops.health.signal;

import io.tdev.ops.change.StabilityCheck;
import io.tdev.ops.health.EcsRollout;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ECS service: running vs desired, its status and its deployments' rollout. A FAILED rollout, a circuit-breaker
 * rollback running or after the baseline, a status other than ACTIVE, 0 running or 0 desired: UNHEALTHY; fewer
 * running than desired or a rollout in progress: DEGRADED. What it saw of the rollout is also kept as facts
 * ({@link #rollout()}) that the check's result carries, so callers never read them from the signal's text.
 */
public final class EcsServiceSignal extends ScopedSignal {
    public static final String NAME = "ecs-service";
    private final AtomicReference<EcsRollout> rollout = new AtomicReference<>(EcsRollout.UNREAD);

    public EcsServiceSignal(CheckScope scope) {
        super(NAME, scope, false);
    }

    /** The rollout's facts from the last read; {@link EcsRollout#UNREAD} before (or without) one. */
    public EcsRollout rollout() {
        return rollout.get();
    }

    @Override
    public HealthSignal read() {
        ServiceState s = scope.service();
        Instant baseline = scope.options.baselineTime();
        String value = "running " + s.running() + "/" + s.desired() + ", pending " + s.pending() + ", "
                + s.deployments().size() + " deployment(s) on " + s.taskDefinition();
        String threshold = "running = desired > 0, one COMPLETED deployment";
        List<String> evidence = new ArrayList<>();
        evidence.add("status " + s.status());
        for (Deployment d : s.deployments()) {
            evidence.add(d.status() + " " + d.taskDefinition() + " " + d.rolloutState() + " running " + d.running()
                    + "/" + d.desired() + (d.failedTasks() > 0 ? ", " + d.failedTasks() + " failed task(s)" : "")
                    + (d.rolloutStateReason() == null || d.rolloutStateReason().isBlank() ? ""
                    : " (" + d.rolloutStateReason() + ")"));
        }
        Optional<Deployment> failed = s.deployments().stream()
                .filter(d -> d.rolloutState() == RolloutState.FAILED).findFirst();
        Optional<Deployment> rolledBack = s.deployments().stream()
                .filter(StabilityCheck::circuitBreakerRollback).findFirst();
        // A rollback still running, or one of the deploy being checked (after the baseline), is a failure now;
        // a finished one without a baseline is history worth a DEGRADED; one from before the baseline is not news.
        boolean rollbackNow = rolledBack.filter(d -> d.rolloutState() == RolloutState.IN_PROGRESS
                || (baseline != null && d.createdAt() != null && !d.createdAt().isBefore(baseline))).isPresent();
        boolean rollbackHistory = !rollbackNow && rolledBack.isPresent() && baseline == null;
        rollout.set(new EcsRollout(s.primaryDeployment().map(Deployment::rolloutState).orElse(RolloutState.UNKNOWN),
                failed.isPresent(), rollbackNow && StabilityCheck.rolledBackByCircuitBreaker(rolledBack.get())));
        SignalStatus status;
        if (!"ACTIVE".equals(s.status())) {
            status = SignalStatus.UNHEALTHY;
            value = "service status " + s.status() + "; " + value;
        } else if (failed.isPresent()) {
            status = SignalStatus.UNHEALTHY;
            value = "deployment of " + failed.get().taskDefinition() + " FAILED; " + value;
        } else if (rollbackNow) {
            status = SignalStatus.UNHEALTHY;
            value = "circuit breaker rolled back; " + value;
        } else if (s.desired() == 0) {
            status = SignalStatus.UNHEALTHY;
            value = "desired count is 0; " + value;
        } else if (s.running() == 0) {
            status = SignalStatus.UNHEALTHY;
        } else if (s.running() < s.desired() || s.deploymentInProgress() || rollbackHistory) {
            status = SignalStatus.DEGRADED;
            if (rollbackHistory) {
                value = "the last deployment was rolled back by the circuit breaker; " + value;
            }
        } else {
            status = SignalStatus.HEALTHY;
        }
        return new HealthSignal(NAME, status, value, threshold, String.join("; ", evidence), false);
    }
}
