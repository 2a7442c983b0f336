package io.tdev.ops.change;

import io.tdev.ops.api.change.Stability;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.Locale;
import java.util.Optional;

/**
 * Judges one {@link ServiceState} against what a rollout should reach: the expected revision on the PRIMARY
 * deployment and, when given, the expected desired count. Pure: the waits and the resumable Jenkins step call it
 * on each poll.
 */
public final class StabilityCheck {
    private StabilityCheck() {
    }

    /**
     * @param expected revision the service should run; null = whatever the PRIMARY deployment runs
     * @param desired  expected desired count; null = the service's own desired count
     */
    public static Stability look(ServiceState s, TaskDefinitionRef expected, Integer desired) {
        Optional<Deployment> primary = s.primaryDeployment();
        TaskDefinitionRef current = primary.map(Deployment::taskDefinition).orElse(s.taskDefinition());
        TaskDefinitionRef want = expected != null ? expected : current;
        RolloutState rollout = primary.map(Deployment::rolloutState).orElse(RolloutState.UNKNOWN);
        String counts = "running " + s.running() + "/" + s.desired() + ", pending " + s.pending();

        Optional<Deployment> ofExpected = s.deployments().stream()
                .filter(d -> d.taskDefinition().equals(want)).findFirst();
        if (ofExpected.isPresent() && ofExpected.get().rolloutState() == RolloutState.FAILED) {
            return result(true, false, true, "deployment of " + want + " FAILED: " + reasonOf(ofExpected.get())
                    + " (" + counts + ")", want, current, rollout, s);
        }
        if (!current.equals(want)) {
            if (ofExpected.isEmpty()) {
                boolean rolledBack = primary.filter(StabilityCheck::circuitBreakerRollback).isPresent();
                String why = rolledBack ? "the deployment circuit breaker rolled back to " + current
                        : "the service moved on to " + current;
                return new Stability(true, false, true, why + "; " + want + " is no longer deployed (" + counts + ")",
                        want, current, rollout, s.running(), s.desired(), s.pending(), rolledBack);
            }
            return result(false, false, false, s.ref().service() + " is on " + current + ", " + want
                    + " is being replaced (" + counts + ")", want, current, rollout, s);
        }
        if (s.stable() && (desired == null || s.desired() == desired) && rollout != RolloutState.IN_PROGRESS) {
            return result(true, true, false, s.ref().service() + " is stable on " + want + " (" + counts + ")",
                    want, current, rollout, s);
        }
        String countNote = desired != null && s.desired() != desired
                ? " (desired count is " + s.desired() + ", expected " + desired + ")" : "";
        return result(false, false, false, counts + ", " + s.deployments().size() + " deployment(s), rollout "
                + rollout + countNote, want, current, rollout, s);
    }

    /** ECS's circuit breaker says "... circuit breaker: rolling back to deploymentId ..." in the rollout reason. */
    public static boolean circuitBreakerRollback(Deployment d) {
        String r = reasonOf(d).toLowerCase(Locale.ROOT);
        return r.contains("circuit breaker") || r.contains("rolled back") || r.contains("rolling back");
    }

    /**
     * ECS's circuit breaker has started or finished taking {@code d} back ("rolling back" / "rolled back" in ECS's
     * rollout reason; ECS has no field for it), not merely failed it.
     */
    public static boolean rolledBackByCircuitBreaker(Deployment d) {
        String r = reasonOf(d).toLowerCase(Locale.ROOT);
        return r.contains("rolled back") || r.contains("rolling back");
    }

    private static String reasonOf(Deployment d) {
        return d.rolloutStateReason() == null ? "" : d.rolloutStateReason();
    }

    private static Stability result(boolean done, boolean stable, boolean failed, String message,
                                    TaskDefinitionRef want, TaskDefinitionRef current, RolloutState rollout,
                                    ServiceState s) {
        return new Stability(done, stable, failed, message, want, current, rollout, s.running(), s.desired(),
                s.pending(), false);
    }
}
