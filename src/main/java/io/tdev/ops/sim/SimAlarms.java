package io.tdev.ops.sim;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.AlarmStateChange;
import io.tdev.ops.port.Alarms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * CloudWatch alarms. The service's own alarms are evaluated every simulated minute from the recorded
 * minutes (ALARM when the threshold is crossed, OK when it no longer is, with CloudWatch's reason text);
 * other alarms are pinned to a state a scenario gave them. Every state change is kept in the alarm history, as
 * CloudWatch's DescribeAlarmHistory gives it back.
 */
final class SimAlarms implements Alarms {
    /** How long CloudWatch keeps alarm history. */
    static final java.time.Duration HISTORY_KEPT = java.time.Duration.ofDays(30);
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

    /** When an evaluated alarm breaches: a value computed from the last {@code minutes} minutes, compared with a threshold. */
    record Rule(int minutes, ToDoubleFunction<List<MinuteSample>> value, String comparison, double threshold) {
        boolean breaching(double v) {
            return switch (comparison) {
                case "GreaterThanOrEqualToThreshold" -> v >= threshold;
                case "GreaterThanThreshold" -> v > threshold;
                case "LessThanThreshold" -> v < threshold;
                default -> v <= threshold;
            };
        }

        String words() {
            return switch (comparison) {
                case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
                case "GreaterThanThreshold" -> "greater than";
                case "LessThanThreshold" -> "less than";
                default -> "less than or equal to";
            };
        }
    }

    static final class SimAlarm {
        final String name;
        final String namespace;
        final String metricName;
        final java.util.Map<String, String> dimensions;
        final Rule rule;
        AlarmState state;
        String reason;
        Instant updatedAt;

        SimAlarm(String name, String namespace, String metricName, java.util.Map<String, String> dimensions, Rule rule,
                 AlarmState state, String reason, Instant updatedAt) {
            this.name = name;
            this.namespace = namespace;
            this.metricName = metricName;
            this.dimensions = dimensions;
            this.rule = rule;
            this.state = state;
            this.reason = reason;
            this.updatedAt = updatedAt;
        }

        Alarm view() {
            return new Alarm(name, state, reason, updatedAt, namespace, metricName, dimensions);
        }
    }

    private final SimWorld world;
    private final TreeMap<String, SimAlarm> alarms = new TreeMap<>();
    private final List<AlarmStateChange> history = new ArrayList<>();

    SimAlarms(SimWorld world) {
        this.world = world;
    }

    void addEvaluated(String name, String namespace, String metricName, java.util.Map<String, String> dimensions, Rule rule,
                      Instant okSince) {
        alarms.put(name, new SimAlarm(name, namespace, metricName, dimensions, rule, AlarmState.OK,
                "Threshold Crossed: no datapoints were " + rule.words() + " the threshold (" + fmt(rule.threshold()) + ").", okSince));
    }

    /** An alarm the simulation does not evaluate: it stays as set. */
    void pin(String name, String namespace, String metricName, java.util.Map<String, String> dimensions, AlarmState state,
             Instant since, String reason) {
        SimAlarm existing = alarms.get(name);
        AlarmState before = existing != null ? existing.state : AlarmState.INSUFFICIENT_DATA;
        if (before != state) {
            history.add(new AlarmStateChange(name, since, before, state, reason));
        }
        alarms.put(name, existing != null
                ? new SimAlarm(name, existing.namespace, existing.metricName, existing.dimensions, null, state, reason, since)
                : new SimAlarm(name, namespace, metricName, dimensions, null, state, reason, since));
    }

    void evaluate(Instant now) {
        for (SimAlarm a : alarms.values()) {
            if (a.rule == null) {
                continue;
            }
            List<MinuteSample> window = world.metrics.lastMinutes(now, a.rule.minutes());
            if (window.isEmpty()) {
                continue;
            }
            double v = a.rule.value().applyAsDouble(window);
            AlarmState next = a.rule.breaching(v) ? AlarmState.ALARM : AlarmState.OK;
            if (next != a.state) {
                Instant last = window.get(window.size() - 1).minute();
                a.reason = "Threshold Crossed: 1 datapoint [" + fmt(v) + " (" + REASON_TIME.format(last) + ")] was "
                        + (next == AlarmState.ALARM ? "" : "not ") + a.rule.words() + " the threshold ("
                        + fmt(a.rule.threshold()) + ").";
                history.add(new AlarmStateChange(a.name, now, a.state, next, a.reason));
                a.state = next;
                a.updatedAt = now;
            }
        }
    }

    /** A state change from before the simulation began (a scenario's bad hours of the past weeks). */
    void recordPast(String name, Instant at, AlarmState from, AlarmState to, String reason) {
        history.add(new AlarmStateChange(name, at, from, to, reason));
        SimAlarm alarm = alarms.get(name);
        if (alarm != null && alarm.state == to) {
            // recorded oldest first: the latest change to the current state is when that state began
            alarm.updatedAt = at;
            alarm.reason = reason;
        }
    }

    /** The bad hours of the past as the evaluated alarms saw them: ALARM a few minutes in, OK a few minutes after. */
    void recordPastIncident(List<String> names, Instant start, Instant end) {
        for (String name : names) {
            SimAlarm a = alarms.get(name);
            if (a == null || a.rule == null) {
                continue;
            }
            Instant breached = start.plus(java.time.Duration.ofMinutes(a.rule.minutes()));
            Instant cleared = end.plus(java.time.Duration.ofMinutes(a.rule.minutes()));
            recordPast(name, breached, AlarmState.OK, AlarmState.ALARM, "Threshold Crossed: " + a.rule.minutes()
                    + " datapoints were " + a.rule.words() + " the threshold (" + fmt(a.rule.threshold()) + ").");
            recordPast(name, cleared, AlarmState.ALARM, AlarmState.OK, "Threshold Crossed: no datapoints were "
                    + a.rule.words() + " the threshold (" + fmt(a.rule.threshold()) + ").");
        }
    }

    @Override
    public List<AlarmStateChange> history(String namePrefix, Instant from, Instant to) {
        return world.call(Api.DESCRIBE_ALARM_HISTORY, () -> history.stream()
                .filter(c -> namePrefix == null || c.alarmName().startsWith(namePrefix))
                .filter(c -> !c.at().isBefore(from) && c.at().isBefore(to))
                .filter(c -> !c.at().isBefore(world.now().minus(HISTORY_KEPT)))
                .sorted(Comparator.comparing(AlarmStateChange::at))
                .toList());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public List<Alarm> alarms(String namePrefix, Optional<AlarmState> state) {
        return world.call(Api.DESCRIBE_ALARMS, () -> java.util.stream.Stream.concat(
                        alarms.values().stream().map(SimAlarm::view), world.fleet.alarms().stream())
                .filter(a -> namePrefix == null || a.name().startsWith(namePrefix))
                .filter(a -> state.isEmpty() || a.state() == state.get())
                .toList());
    }

    List<Alarm> all() {
        return alarms.values().stream().map(SimAlarm::view).toList();
    }

    Optional<Alarm> alarm(String name) {
        return Optional.ofNullable(alarms.get(name)).map(SimAlarm::view);
    }
}
