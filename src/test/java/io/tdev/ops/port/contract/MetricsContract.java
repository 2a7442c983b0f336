package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.port.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Metrics} adapter does. The world: the service has run for days, so its ECS CPU and memory have a
 * datapoint every minute up to {@link #WINDOW_TO}; a metric nobody publishes has none.
 */
public abstract class MetricsContract {
    protected static final Instant WINDOW_TO = Instant.parse("2026-11-26T09:00:00Z");
    protected static final Instant WINDOW_FROM = WINDOW_TO.minus(Duration.ofMinutes(10));
    private static final Map<String, String> SERVICE_DIMENSIONS = Map.of(
            "ClusterName", ContractWorld.CONFIG.ecs().cluster(), "ServiceName", ContractWorld.CONFIG.ecs().service());
    /** Ids a caller picks need not be valid CloudWatch ids (dots): the adapter maps them back. */
    protected static final MetricQuery SERVICE_CPU = new MetricQuery("ecs.cpu", "AWS/ECS", "CPUUtilization",
            SERVICE_DIMENSIONS, "Average", Duration.ofMinutes(1));
    protected static final MetricQuery SERVICE_MEMORY = new MetricQuery("ecs.memory", "AWS/ECS", "MemoryUtilization",
            SERVICE_DIMENSIONS, "Maximum", Duration.ofMinutes(1));
    protected static final MetricQuery NO_DATA = new MetricQuery("nobody.publishes", ContractWorld.CONFIG.metricNamespace(),
            "NoSuchMetric", Map.of(), "Sum", Duration.ofMinutes(5));

    protected abstract Metrics metrics();

    /** The service's CPU and memory each minute of the last days, up to {@link #WINDOW_TO}. */
    protected abstract void givenTheServicesMetrics();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    @BeforeEach
    void arrange() {
        givenTheServicesMetrics();
    }

    @Test
    void oneSeriesPerQueryInTheQueriesOrderUnderTheCallersIds() {
        List<MetricSeries> series = metrics().query(List.of(SERVICE_MEMORY, NO_DATA, SERVICE_CPU), WINDOW_FROM, WINDOW_TO);

        assertThat(series).extracting(MetricSeries::id).containsExactly("ecs.memory", "nobody.publishes", "ecs.cpu");
    }

    @Test
    void everyMinuteOfTheWindowOldestFirstFromEveryPage() {
        MetricSeries cpu = metrics().query(List.of(SERVICE_CPU), WINDOW_FROM, WINDOW_TO).get(0);

        assertThat(cpu.points()).extracting(MetricPoint::at).containsExactly(
                java.util.stream.IntStream.range(0, 10).mapToObj(i -> WINDOW_FROM.plus(Duration.ofMinutes(i))).toArray(Instant[]::new));
        assertThat(cpu.points()).allSatisfy(p -> assertThat(p.value()).isBetween(0.0, 100.0));
    }

    @Test
    void aMetricWithoutDataIsAnEmptySeriesNotAnError() {
        assertThat(metrics().query(List.of(NO_DATA), WINDOW_FROM, WINDOW_TO)).singleElement()
                .satisfies(s -> assertThat(s.points()).isEmpty());
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsInvalidInput() {
        assertThatThrownBy(() -> metrics().query(List.of(SERVICE_CPU), WINDOW_TO, WINDOW_FROM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void aDeniedReadNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "cloudwatch:GetMetricData");

        ContractWorld.assertDenied(() -> metrics().query(List.of(SERVICE_CPU), WINDOW_FROM, WINDOW_TO), "cloudwatch:GetMetricData");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "cloudwatch:GetMetricData");

        ContractWorld.assertThrottled(() -> metrics().query(List.of(SERVICE_CPU), WINDOW_FROM, WINDOW_TO), "cloudwatch:GetMetricData");
    }
}
