package io.tdev.ops.aws;

import io.tdev.ops.model.Alarm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.AlarmStateChange;
import io.tdev.ops.port.Alarms;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Alarms} port over CloudWatch DescribeAlarms and DescribeAlarmHistory (query protocol at this SDK
 * version), metric alarms only.
 */
public final class AwsAlarms implements Alarms {
    /** The most DescribeAlarms returns a page. */
    static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudWatchClient cloudWatch;

    public AwsAlarms(CloudWatchClient cloudWatch) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
    }

    @Override
    public List<Alarm> alarms(String namePrefix, Optional<AlarmState> state) {
        DescribeAlarmsRequest.Builder request = DescribeAlarmsRequest.builder()
                .alarmTypes(AlarmType.METRIC_ALARM)
                .maxRecords(PAGE_SIZE);
        if (namePrefix != null && !namePrefix.isEmpty()) {
            request.alarmNamePrefix(namePrefix);
        }
        if (state != null) {
            state.ifPresent(s -> request.stateValue(StateValue.fromValue(s.name())));
        }
        return AwsCall.run("cloudwatch:DescribeAlarms", () -> cloudWatch.describeAlarmsPaginator(request.build())
                .metricAlarms().stream()
                .map(AwsAlarms::toAlarm)
                .toList());
    }

    /**
     * DescribeAlarmHistory filters by one exact alarm name or none, so the prefix is applied here to every
     * metric alarm's state updates; the states come from the item's HistoryData JSON (oldState/newState).
     */
    @Override
    public List<AlarmStateChange> history(String namePrefix, Instant from, Instant to) {
        DescribeAlarmHistoryRequest request = DescribeAlarmHistoryRequest.builder()
                .alarmTypes(AlarmType.METRIC_ALARM)
                .historyItemType(HistoryItemType.STATE_UPDATE)
                .startDate(from)
                .endDate(to)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .maxRecords(PAGE_SIZE)
                .build();
        return AwsCall.run("cloudwatch:DescribeAlarmHistory", () -> cloudWatch.describeAlarmHistoryPaginator(request)
                .alarmHistoryItems().stream()
                .filter(i -> namePrefix == null || namePrefix.isEmpty() || i.alarmName().startsWith(namePrefix))
                .filter(i -> !i.timestamp().isBefore(from) && i.timestamp().isBefore(to))
                .map(AwsAlarms::toChange)
                .toList());
    }

    private static AlarmStateChange toChange(AlarmHistoryItem item) {
        JsonNode data = historyData(item.historyData());
        return new AlarmStateChange(item.alarmName(), item.timestamp(),
                state(data.path("oldState").path("stateValue").asText(null)),
                state(data.path("newState").path("stateValue").asText(null)),
                data.path("newState").path("stateReason").asText(item.historySummary()));
    }

    /** Unreadable history data gives unknown (INSUFFICIENT_DATA) states rather than failing the whole report. */
    private static JsonNode historyData(String text) {
        try {
            return text == null ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static Alarm toAlarm(MetricAlarm a) {
        return new Alarm(a.alarmName(), state(a.stateValueAsString()), a.stateReason(), a.stateUpdatedTimestamp(),
                a.namespace(), a.metricName(), dimensions(a));
    }

    /** The alarm's metric dimensions; a metric-math alarm has none of its own, so those of its metrics (first wins). */
    private static java.util.Map<String, String> dimensions(MetricAlarm a) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        a.dimensions().forEach(d -> out.putIfAbsent(d.name(), d.value()));
        a.metrics().stream().filter(m -> m.metricStat() != null && m.metricStat().metric() != null)
                .flatMap(m -> m.metricStat().metric().dimensions().stream())
                .forEach(d -> out.putIfAbsent(d.name(), d.value()));
        return out;
    }

    /** An alarm state this SDK does not know yet is reported as INSUFFICIENT_DATA: never as OK. */
    private static AlarmState state(String value) {
        try {
            return value == null ? AlarmState.INSUFFICIENT_DATA : AlarmState.valueOf(value);
        } catch (IllegalArgumentException e) {
            return AlarmState.INSUFFICIENT_DATA;
        }
    }
}
