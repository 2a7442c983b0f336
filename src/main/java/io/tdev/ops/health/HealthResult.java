package io.tdev.ops.health;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.ServiceRef;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict of a health check, why, every signal read, and the top ERROR message patterns. {@code notes} are what
 * a reader should know about how the check was asked (e.g. a baseline days old) that does not change the verdict.
 * {@code rollout}: the ECS rollout's facts ({@code rolloutState}, {@code rolloutFailed}, {@code circuitBreakerRolledBack}
 * in the map) for callers that decide on them.
 */
public record HealthResult(ServiceRef service, String environment, Verdict status, List<String> reasons,
                           List<HealthSignal> signals, List<MessagePatterns.Count> topPatterns, Instant checkedAt,
                           Instant baselineTime, List<Action> actions, List<String> notes, EcsRollout rollout)
        implements OpsResult {
    public HealthResult {
        rollout = rollout == null ? EcsRollout.UNREAD : rollout;
        notes = notes == null ? List.of() : List.copyOf(notes);
        reasons = List.copyOf(reasons);
        signals = List.copyOf(signals);
        topPatterns = List.copyOf(topPatterns);
        actions = List.copyOf(actions);
    }

    public boolean healthy() {
        return status == Verdict.HEALTHY;
    }

    @Override
    public String summary() {
        return environment + " " + service.service() + " is " + status
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.name());
        m.put("environment", environment);
        m.put("service", service.toString());
        m.put("reasons", List.copyOf(reasons));
        m.put("signals", signals.stream().map(HealthSignal::toMap).toList());
        m.put("rolloutState", rollout.rolloutState() == null ? null : rollout.rolloutState().name());
        m.put("rolloutFailed", rollout.failed());
        m.put("circuitBreakerRolledBack", rollout.circuitBreakerRolledBack());
        m.put("topPatterns", topPatterns.stream().map(c -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pattern", c.pattern());
            p.put("count", c.count());
            return p;
        }).toList());
        m.put("checkedAt", checkedAt.toString());
        m.put("baselineTime", baselineTime == null ? null : baselineTime.toString());
        m.put("actions", OpsResult.actionMaps(actions));
        m.put("notes", List.copyOf(notes));
        return m;
    }
}
