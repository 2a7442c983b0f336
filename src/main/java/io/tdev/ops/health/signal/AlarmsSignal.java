package io.tdev.ops.health.signal;

import io.tdev.ops.health.AlarmScope;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch alarms of this environment ({@link AlarmScope}: named {@code alarmPrefix}*, or with dimensions naming
 * its service, cluster, target groups or load balancer) in ALARM: any counted one is UNHEALTHY. Not counted: those in
 * {@code ignoreAlarms} and those in ALARM since before the baseline (already failing before the deploy started).
 */
public final class AlarmsSignal extends ScopedSignal {
    public static final String NAME = "alarms";

    public AlarmsSignal(CheckScope scope) {
        super(NAME, scope, false);
    }

    @Override
    public HealthSignal read() {
        // every alarm in ALARM, then this environment's by name or dimensions (AlarmScope): DescribeAlarms filters
        // by name prefix only, and an alarm named otherwise may still watch this service
        List<Alarm> inAlarm = scope.ctx.retry().call(() ->
                scope.ctx.ports().alarms().alarms(null, Optional.of(AlarmState.ALARM)));
        AlarmScope ours = AlarmScope.of(scope.ctx, () -> scope.service().targetGroupArns());
        List<String> counted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Alarm a : inAlarm) {
            Optional<String> why = a.state() == AlarmState.ALARM ? ours.why(a) : Optional.empty();
            if (why.isEmpty()) {
                continue;
            }
            if (scope.options.ignoreAlarms().contains(a.name())) {
                excluded.add(a.name() + " (ignored)");
            } else if (scope.options.baselineTime() != null && a.stateUpdatedAt() != null
                    && a.stateUpdatedAt().isBefore(scope.options.baselineTime())) {
                excluded.add(a.name() + " (in ALARM since " + a.stateUpdatedAt() + ", before the baseline)");
            } else {
                counted.add(a.name() + (why.get().startsWith("named ") ? "" : " [" + why.get() + "]")
                        + (a.stateUpdatedAt() == null ? "" : " since " + a.stateUpdatedAt())
                        + (a.stateReason() == null ? "" : ": " + a.stateReason()));
            }
        }
        String evidence = (counted.isEmpty() ? "no alarm in ALARM" : String.join("; ", counted))
                + (excluded.isEmpty() ? "" : "; not counted: " + String.join(", ", excluded));
        return new HealthSignal(NAME, counted.isEmpty() ? SignalStatus.HEALTHY : SignalStatus.UNHEALTHY,
                counted.size() + " in ALARM", "0 alarms in ALARM " + ours.describe(), evidence, false);
    }
}
