package io.tdev.ops.api.health;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.health.EcsRollout;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.MessagePatterns;
import io.tdev.ops.health.Verdict;
import io.tdev.ops.model.RolloutState;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.ServiceRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The verdict of a health check, why, every signal read, and the top ERROR message patterns. {@code notes} are what
 * a reader should know about how the check was asked (e.g. a baseline days old) that does not change the verdict.
 * {@code rolloutState}, {@code rolloutFailed}, {@code circuitBreakerRolledBack}: the ECS rollout's facts
 * ({@link EcsRollout}) for callers that decide on them. {@code markdown}: the report for people (null until the use
 * case renders it, see {@link #withMarkdown}).
 *
 * <p>The components, in this order, are the JSON keys and the step's return value ({@link PlainValues}); the README's
 * JSON contract lists them and {@code JsonContractKeysTest} pins them.
 */
public record HealthResult(Verdict status, String environment, ServiceRef service, List<String> reasons,
                           List<HealthSignal> signals, RolloutState rolloutState, boolean rolloutFailed,
                           boolean circuitBreakerRolledBack, List<MessagePatterns.Count> topPatterns, Instant checkedAt,
                           Instant baselineTime, List<Action> actions, List<String> notes, String markdown)
        implements Outcome {
    public HealthResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        reasons = List.copyOf(reasons);
        signals = List.copyOf(signals);
        topPatterns = List.copyOf(topPatterns);
        actions = List.copyOf(actions);
    }

    /** A result without its Markdown yet; {@code rollout} what the ecs-service signal saw (null: not read). */
    public static HealthResult of(ServiceRef service, String environment, Verdict status, List<String> reasons,
                                  List<HealthSignal> signals, List<MessagePatterns.Count> topPatterns,
                                  Instant checkedAt, Instant baselineTime, List<Action> actions, List<String> notes,
                                  EcsRollout rollout) {
        EcsRollout r = rollout == null ? EcsRollout.UNREAD : rollout;
        return new HealthResult(status, environment, service, reasons, signals, r.rolloutState(), r.failed(),
                r.circuitBreakerRolledBack(), topPatterns, checkedAt, baselineTime, actions, notes, null);
    }

    public HealthResult withMarkdown(String text) {
        return new HealthResult(status, environment, service, reasons, signals, rolloutState, rolloutFailed,
                circuitBreakerRolledBack, topPatterns, checkedAt, baselineTime, actions, notes, text);
    }

    public boolean healthy() {
        return status == Verdict.HEALTHY;
    }

    /** DEGRADED: a service that still serves; the caller decides whether that passes. */
    public boolean degraded() {
        return status == Verdict.DEGRADED;
    }

    /** HEALTHY; whether DEGRADED passes is the caller's choice (the CLI's --strict, a pipeline's rollbackOn). */
    @Override
    public boolean ok() {
        return healthy();
    }

    /** One line for logs: the verdict and why. */
    public String summary() {
        return environment + " " + service.service() + " is " + status
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }

}
