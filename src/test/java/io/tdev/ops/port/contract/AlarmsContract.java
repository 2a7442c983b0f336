package io.tdev.ops.port.contract;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.port.Alarms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Alarms} adapter does. The world: four alarms of the queue (prefix {@link #PREFIX}), in name order
 * as CloudWatch answers, and one of another environment that shares the start of the name but not the prefix.
 */
public abstract class AlarmsContract {
    protected static final String PREFIX = ContractWorld.CONFIG.alarmPrefix() + "-queue";
    protected static final Instant SINCE = Instant.parse("2026-11-26T08:40:00Z");
    protected static final List<Alarm> QUEUE_ALARMS = List.of(
            alarm(PREFIX + "-age", AlarmState.ALARM, "ApproximateAgeOfOldestMessage"),
            alarm(PREFIX + "-depth", AlarmState.OK, "ApproximateNumberOfMessagesVisible"),
            alarm(PREFIX + "-dlq", AlarmState.ALARM, "NumberOfMessagesSent"),
            alarm(PREFIX + "-empty-receives", AlarmState.INSUFFICIENT_DATA, "NumberOfEmptyReceives"));
    protected static final Alarm OTHER_ENVIRONMENT = alarm("t-developer-staging-queue-age", AlarmState.ALARM,
            "ApproximateAgeOfOldestMessage");

    private static Alarm alarm(String name, AlarmState state, String metric) {
        return new Alarm(name, state, null, SINCE, "AWS/SQS", metric, java.util.Map.of("QueueName", "t-developer-jobs"));
    }

    protected abstract Alarms alarms();

    /** These alarms exist (each with a state reason of its own), beside whatever else the account has. */
    protected abstract void givenAlarms(List<Alarm> alarms);

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    @BeforeEach
    void arrange() {
        givenAlarms(java.util.stream.Stream.concat(QUEUE_ALARMS.stream(), java.util.stream.Stream.of(OTHER_ENVIRONMENT)).toList());
    }

    @Test
    void listsEveryAlarmOfThePrefixFromEveryPageWithStateSinceAndMetric() {
        List<Alarm> found = alarms().alarms(PREFIX, Optional.empty());

        assertThat(found).extracting(Alarm::name).containsExactlyElementsOf(QUEUE_ALARMS.stream().map(Alarm::name).toList());
        assertThat(found).usingRecursiveFieldByFieldElementComparatorIgnoringFields("stateReason")
                .containsExactlyElementsOf(QUEUE_ALARMS);
        assertThat(found).allSatisfy(a -> assertThat(a.stateReason()).isNotBlank());
    }

    @Test
    void eachAlarmCarriesItsMetricsDimensions() {
        assertThat(alarms().alarms(PREFIX, Optional.empty()))
                .allSatisfy(a -> assertThat(a.dimensions()).containsExactly(java.util.Map.entry("QueueName", "t-developer-jobs")));
    }

    @Test
    void withoutAPrefixEveryAlarmIsListed() {
        assertThat(alarms().alarms(null, Optional.of(AlarmState.ALARM))).extracting(Alarm::name)
                .contains(PREFIX + "-age", PREFIX + "-dlq", OTHER_ENVIRONMENT.name());
    }

    @Test
    void onlyThoseInTheAskedState() {
        assertThat(alarms().alarms(PREFIX, Optional.of(AlarmState.ALARM))).extracting(Alarm::name)
                .containsExactly(PREFIX + "-age", PREFIX + "-dlq");
    }

    @Test
    void anAlarmOutsideThePrefixIsNotListed() {
        assertThat(alarms().alarms(PREFIX, Optional.empty())).extracting(Alarm::name).doesNotContain(OTHER_ENVIRONMENT.name());
    }

    @Test
    void aPrefixNothingMatchesIsAnEmptyListNotAnError() {
        assertThat(alarms().alarms(ContractWorld.CONFIG.alarmPrefix() + "-no-such-thing", Optional.empty())).isEmpty();
    }

    @Test
    void aDeniedReadNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "cloudwatch:DescribeAlarms");

        ContractWorld.assertDenied(() -> alarms().alarms(PREFIX, Optional.empty()), "cloudwatch:DescribeAlarms");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "cloudwatch:DescribeAlarms");

        ContractWorld.assertThrottled(() -> alarms().alarms(PREFIX, Optional.empty()), "cloudwatch:DescribeAlarms");
    }
}
