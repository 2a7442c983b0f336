package io.tdev.ops.health.signal;

import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch alarms named {@code alarmPrefix}* in ALARM: any counted one is UNHEALTHY. Not counted: those in
 * {@code ignoreAlarms} and those in ALARM since before the baseline (already failing before the deploy started).
 */
public final class AlarmsSignal implements Signal {
    public static final String NAME = "alarms";
    private final CheckScope scope;

    public AlarmsSignal(CheckScope scope) {
        this.scope = scope;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthSignal read() {
        String prefix = scope.config.alarmPrefix();
        List<Alarm> inAlarm = scope.ctx.retry().call(() ->
                scope.ctx.ports().alarms().alarms(prefix, Optional.of(AlarmState.ALARM)));
        List<String> counted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Alarm a : inAlarm) {
            if (a.state() != AlarmState.ALARM) {
                continue;
            }
            if (scope.options.ignoreAlarms().contains(a.name())) {
                excluded.add(a.name() + " (ignored)");
            } else if (scope.options.baselineTime() != null && a.stateUpdatedAt() != null
                    && a.stateUpdatedAt().isBefore(scope.options.baselineTime())) {
                excluded.add(a.name() + " (in ALARM since " + a.stateUpdatedAt() + ", before the baseline)");
            } else {
                counted.add(a.name() + (a.stateUpdatedAt() == null ? "" : " since " + a.stateUpdatedAt())
                        + (a.stateReason() == null ? "" : ": " + a.stateReason()));
            }
        }
        String evidence = (counted.isEmpty() ? "no alarm in ALARM" : String.join("; ", counted))
                + (excluded.isEmpty() ? "" : "; not counted: " + String.join(", ", excluded));
        return new HealthSignal(NAME, counted.isEmpty() ? SignalStatus.HEALTHY : SignalStatus.UNHEALTHY,
                counted.size() + " in ALARM", "0 alarms named " + prefix + "* in ALARM", evidence, false);
    }
}
