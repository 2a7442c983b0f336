package io.tdev.ops.model;

import java.util.List;
import java.util.Optional;

/**
 * An ECS service as described: status (ACTIVE, DRAINING, INACTIVE), counts, the task definition of the
 * PRIMARY deployment, all deployments, the load balancer target groups, whether the deployment circuit
 * breaker with rollback is on, and the newest events first.
 */
public record ServiceState(ServiceRef ref, String status, int desired, int running, int pending,
                           TaskDefinitionRef taskDefinition, List<Deployment> deployments,
                           List<String> targetGroupArns, boolean circuitBreakerRollback, List<ServiceEvent> events) {
    public ServiceState {
        deployments = List.copyOf(deployments);
        targetGroupArns = List.copyOf(targetGroupArns);
        events = List.copyOf(events);
    }

    public Optional<Deployment> primaryDeployment() {
        return deployments.stream().filter(Deployment::primary).findFirst();
    }

    /** A deployment is still rolling: more than one deployment, or the primary one IN_PROGRESS. */
    public boolean deploymentInProgress() {
        return deployments.size() > 1
                || primaryDeployment().map(d -> d.rolloutState() == RolloutState.IN_PROGRESS).orElse(false);
    }

    /** Stable as ECS's services-stable waiter defines it: one deployment and running == desired. */
    public boolean stable() {
        return deployments.size() == 1 && running == desired;
    }
}
