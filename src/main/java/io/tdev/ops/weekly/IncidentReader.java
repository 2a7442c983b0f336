package io.tdev.ops.weekly;

import io.tdev.ops.api.weekly.WeeklyReportResult.Incident;
import io.tdev.ops.api.weekly.WeeklyReportResult.IncidentKind;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.health.AlarmScope;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.AlarmStateChange;
import io.tdev.ops.model.DeploymentRollback;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The week's incidents from what AWS keeps, since SNS keeps no message history: the changes to ALARM of the
 * environment's alarms (by name or by dimensions, as the health check counts them) (an alarm in ALARM is what makes the health check UNHEALTHY), each paired with its return to
 * OK, and the service deployments ECS rolled back (circuit breaker, alarms, the deploy guard's stop).
 */
final class IncidentReader {
    static final String ALARM_SOURCE = "cloudwatch:DescribeAlarmHistory";
    static final String ROLLBACK_SOURCE = "ecs:ListServiceDeployments";

    private final EnvironmentConfig config;
    private final OpsPorts ports;
    private final Retry retry;

    IncidentReader(EnvironmentConfig config, OpsPorts ports, Retry retry) {
        this.config = config;
        this.ports = ports;
        this.retry = retry;
    }

    List<Incident> read(Instant from, Instant to) {
        List<AlarmStateChange> changes = ours(retry.call(() -> ports.alarms().history("", from, to)));
        List<DeploymentRollback> rollbacks = retry.call(() -> ports.ecs().rollbacks(config.serviceRef(), from, to));
        List<Incident> incidents = new ArrayList<>(alarms(changes));
        rollbacks.forEach(r -> incidents.add(new Incident(r.startedAt(), r.finishedAt(), IncidentKind.ROLLBACK,
                "deployment " + r.id() + " " + r.status() + (r.reason() == null ? "" : ": " + r.reason()),
                ROLLBACK_SOURCE)));
        incidents.sort(Comparator.comparing(Incident::at));
        return incidents;
    }

    /**
     * The changes of this environment's alarms, by the health check's rule ({@link AlarmScope}): named with the
     * prefix, or with dimensions naming its service, cluster, target groups or load balancer. The alarms themselves
     * (their dimensions) are read only when the history has changes of alarms named otherwise; an alarm since deleted
     * counts by its name only.
     */
    private List<AlarmStateChange> ours(List<AlarmStateChange> changes) {
        String prefix = config.alarmPrefix();
        // only an alarm named otherwise that went to ALARM can add an incident: only then are definitions read
        Set<String> others = changes.stream().filter(c -> c.to() == AlarmState.ALARM)
                .map(AlarmStateChange::alarmName).filter(n -> !n.startsWith(prefix)).collect(Collectors.toSet());
        Set<String> theirsToo = new HashSet<>();
        if (!others.isEmpty()) {
            List<String> configured = config.targetGroupArns();
            AlarmScope scope = new AlarmScope(config, configured != null && !configured.isEmpty() ? () -> configured
                    : () -> retry.call(() -> ports.ecs().describeService(config.serviceRef())).targetGroupArns(),
                    tg -> retry.call(() -> ports.targetHealth().loadBalancerArns(tg)));
            retry.call(() -> ports.alarms().alarms("", Optional.empty())).stream()
                    .filter(a -> others.contains(a.name()) && scope.contains(a)).forEach(a -> theirsToo.add(a.name()));
        }
        return changes.stream().filter(c -> c.alarmName().startsWith(prefix) || theirsToo.contains(c.alarmName()))
                .toList();
    }

    /** Each change to ALARM, until the same alarm's next change away from ALARM in the window. */
    private static List<Incident> alarms(List<AlarmStateChange> changes) {
        List<AlarmStateChange> ordered = changes.stream().sorted(Comparator.comparing(AlarmStateChange::at)).toList();
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            AlarmStateChange c = ordered.get(i);
            if (c.to() != AlarmState.ALARM || c.from() == AlarmState.ALARM) {
                continue;
            }
            Instant until = ordered.subList(i + 1, ordered.size()).stream()
                    .filter(n -> n.alarmName().equals(c.alarmName()) && n.to() != AlarmState.ALARM)
                    .map(AlarmStateChange::at).findFirst().orElse(null);
            String lasted = until == null ? "still in ALARM at the week's end" : "for " + Durations.format(Duration.between(c.at(), until));
            out.add(new Incident(c.at(), until, IncidentKind.ALARM, "alarm " + c.alarmName() + " in ALARM " + lasted
                    + (c.reason() == null ? "" : ": " + c.reason()), ALARM_SOURCE));
        }
        return out;
    }
}
