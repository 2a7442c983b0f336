package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.port.Metrics;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.MetricsContract;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GetMetricData over the query protocol: form-encoded MetricDataQueries.member.N..., XML MetricDataResults. */
/** The {@link MetricsContract} on {@link AwsMetrics}, and what only the wire shows. */
class AwsMetricsContractTest extends MetricsContract {
    private static final Instant FROM = Instant.parse("2026-11-26T13:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-26T13:05:00Z");
    private static final Map<String, String> SERVICE_DIMENSIONS = Map.of(
            "ClusterName", "t-developer-cluster-production", "ServiceName", "t-developer-service-production");
    private static final MetricQuery CPU = new MetricQuery("ecs.cpu", "AWS/ECS", "CPUUtilization", SERVICE_DIMENSIONS,
            "Average", Duration.ofMinutes(1));
    private static final MetricQuery MEMORY = new MetricQuery("ecs.memory", "AWS/ECS", "MemoryUtilization", SERVICE_DIMENSIONS,
            "Maximum", Duration.ofMinutes(1));
    private static final MetricQuery P95 = new MetricQuery("pipeline.p95", "T-Developer/Pipeline", "PipelineDuration",
            Map.of(), "p95", Duration.ofMinutes(5));

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsClientFactory factory;
    private AwsMetrics metrics;

    @BeforeEach
    void connect() {
        factory = AwsWireFixture.factory(wm);
        metrics = new AwsMetrics(factory.cloudWatch());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    static String result(String id, String label, List<String> timestamps, List<String> values, String status) {
        StringBuilder ts = new StringBuilder();
        timestamps.forEach(t -> ts.append("<member>").append(t).append("</member>"));
        StringBuilder vs = new StringBuilder();
        values.forEach(v -> vs.append("<member>").append(v).append("</member>"));
        return """
                      <member>
                        <Id>%s</Id>
                        <Label>%s</Label>
                        <Timestamps>%s</Timestamps>
                        <Values>%s</Values>
                        <StatusCode>%s</StatusCode>
                      </member>
                """.formatted(id, label, ts, vs, status);
    }

    static String page(String results, String nextToken) {
        return """
                <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <GetMetricDataResult>
                    <MetricDataResults>
                %s
                    </MetricDataResults>
                    %s
                    <Messages/>
                  </GetMetricDataResult>
                  <ResponseMetadata>
                    <RequestId>6f0d4b1e-2a3c-4d5e-8f9a-0b1c2d3e4f5a</RequestId>
                  </ResponseMetadata>
                </GetMetricDataResponse>""".formatted(results, nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>");
    }

    @Test
    void sendsOneGetMetricDataWithEveryQueryAndTheWindowAscending() {
        wm.stubFor(query("GetMetricData").willReturn(xmlOk(page("", null))));

        metrics.query(List.of(CPU, P95), FROM, TO);

        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData"))).get(0);
        String form = URLDecoder.decode(sent.getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("Version=2010-08-01",
                "StartTime=2026-11-26T13:00:00Z", "EndTime=2026-11-26T13:05:00Z", "ScanBy=TimestampAscending",
                "MetricDataQueries.member.1.Id=q0",
                "MetricDataQueries.member.1.Label=ecs.cpu",
                "MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS/ECS",
                "MetricDataQueries.member.1.MetricStat.Metric.MetricName=CPUUtilization",
                "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=ClusterName",
                "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=t-developer-cluster-production",
                "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Name=ServiceName",
                "MetricDataQueries.member.1.MetricStat.Period=60",
                "MetricDataQueries.member.1.MetricStat.Stat=Average",
                "MetricDataQueries.member.1.ReturnData=true",
                "MetricDataQueries.member.2.Id=q1",
                "MetricDataQueries.member.2.MetricStat.Metric.Namespace=T-Developer/Pipeline",
                "MetricDataQueries.member.2.MetricStat.Stat=p95",
                "MetricDataQueries.member.2.MetricStat.Period=300");
    }

    @Test
    void mapsResultsBackToTheQueryIdsInQueryOrderOldestFirst() {
        wm.stubFor(query("GetMetricData").willReturn(xmlOk(page(
                result("q1", "ecs.memory", List.of("2026-11-26T13:00:00Z", "2026-11-26T13:01:00Z"), List.of("55.0", "61.5"), "Complete")
                        + result("q0", "ecs.cpu", List.of("2026-11-26T13:00:00Z", "2026-11-26T13:01:00Z", "2026-11-26T13:02:00Z"),
                        List.of("40.5", "72.25", "68.0"), "Complete")
                        + result("q2", "pipeline.p95", List.of(), List.of(), "Complete"), null))));

        List<MetricSeries> series = metrics.query(List.of(CPU, MEMORY, P95), FROM, TO);

        assertThat(series).extracting(MetricSeries::id).containsExactly("ecs.cpu", "ecs.memory", "pipeline.p95");
        assertThat(series.get(0).points()).containsExactly(
                new MetricPoint(Instant.parse("2026-11-26T13:00:00Z"), 40.5),
                new MetricPoint(Instant.parse("2026-11-26T13:01:00Z"), 72.25),
                new MetricPoint(Instant.parse("2026-11-26T13:02:00Z"), 68.0));
        assertThat(series.get(0).max()).hasValue(72.25);
        assertThat(series.get(1).latest()).hasValue(61.5);
        assertThat(series.get(2).points()).isEmpty();
    }

    @Test
    void followsNextTokenAndJoinsTheSeriesPagesOldestFirst() {
        wm.stubFor(query("GetMetricData").withRequestBody(notContaining("NextToken")).willReturn(xmlOk(page(
                result("q0", "ecs.cpu", List.of("2026-11-26T13:00:00Z", "2026-11-26T13:01:00Z"), List.of("10.0", "20.0"), "PartialData"),
                "token-2"))));
        wm.stubFor(query("GetMetricData").withRequestBody(containing("NextToken=token-2")).willReturn(xmlOk(page(
                result("q0", "ecs.cpu", List.of("2026-11-26T13:02:00Z", "2026-11-26T13:03:00Z"), List.of("30.0", "40.0"), "Complete"),
                null))));

        MetricSeries cpu = metrics.query(List.of(CPU), FROM, TO).get(0);

        assertThat(cpu.points()).extracting(MetricPoint::value).containsExactly(10.0, 20.0, 30.0, 40.0);
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData")));
    }

    @Test
    void chunksMoreThanFiveHundredQueriesIntoSeveralCalls() {
        List<MetricQuery> many = IntStream.range(0, 501).mapToObj(i -> new MetricQuery("task-" + i, "AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "t-developer-cluster-production", "ServiceName", "svc-" + i), "Average", Duration.ofMinutes(1))).toList();
        wm.stubFor(query("GetMetricData").withRequestBody(containing("MetricDataQueries.member.500.Id=q499"))
                .willReturn(xmlOk(page(result("q499", "task-499", List.of("2026-11-26T13:00:00Z"), List.of("1.5"), "Complete"), null))));
        wm.stubFor(query("GetMetricData").withRequestBody(containing("MetricDataQueries.member.1.Id=q500"))
                .willReturn(xmlOk(page(result("q500", "task-500", List.of("2026-11-26T13:00:00Z"), List.of("2.5"), "Complete"), null))));

        List<MetricSeries> series = metrics.query(many, FROM, TO);

        assertThat(series).hasSize(501);
        assertThat(series.get(499).latest()).hasValue(1.5);
        assertThat(series.get(500).id()).isEqualTo("task-500");
        assertThat(series.get(500).latest()).hasValue(2.5);
        List<LoggedRequest> calls = wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData")));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getBodyAsString()).doesNotContain("MetricDataQueries.member.501.");
        assertThat(calls.get(1).getBodyAsString()).doesNotContain("MetricDataQueries.member.2.");
    }

    @Test
    void aForbiddenMetricIsANonRetryableFailureNamingIt() {
        wm.stubFor(query("GetMetricData").willReturn(xmlOk(page(result("q0", "ecs.cpu", List.of(), List.of(), "Forbidden"), null))));

        assertThatThrownBy(() -> metrics.query(List.of(CPU), FROM, TO))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("could not read metric 'ecs.cpu': Forbidden");
    }

    @Test
    void throttledTwiceThenAnswered() {
        faultsThenOk(wm, () -> query("GetMetricData"), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(page(result("q0", "ecs.cpu", List.of("2026-11-26T13:00:00Z"), List.of("12.0"), "Complete"), null)));

        assertThat(metrics.query(List.of(CPU), FROM, TO).get(0).latest()).hasValue(12.0);
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serverErrorsOnEveryAttemptAreRetryable() {
        wm.stubFor(query("GetMetricData").willReturn(xmlError(500, "InternalServiceError", "Internal failure")));

        assertThatThrownBy(() -> metrics.query(List.of(CPU), FROM, TO))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.api()).isEqualTo("cloudwatch:GetMetricData");
                });
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serverErrorThenAnswered() {
        faultsThenOk(wm, () -> query("GetMetricData"), 1, xmlError(503, "ServiceUnavailable", "Service unavailable"),
                xmlOk(page("", null)));

        assertThat(metrics.query(List.of(CPU), FROM, TO).get(0).points()).isEmpty();
    }

    @Test
    void readTimeoutThenAnswered() {
        faultsThenOk(wm, () -> query("GetMetricData"), 1, xmlOk(page("", null)).withFixedDelay(AwsWireFixture.TIMEOUT_DELAY_MS),
                xmlOk(page(result("q0", "ecs.cpu", List.of("2026-11-26T13:00:00Z"), List.of("3.0"), "Complete"), null)));

        assertThat(metrics.query(List.of(CPU), FROM, TO).get(0).latest()).hasValue(3.0);
    }

    // ---- the contract's world, as CloudWatch answers it

    @Override
    protected Metrics metrics() {
        return metrics;
    }

    /**
     * CloudWatch's answer to each of the contract's query lists (matched by the first query's metric; the ids on the
     * wire are q0, q1, ... in query order), every one over two pages; CPU and memory 41..50 %, the unpublished metric
     * empty.
     */
    @Override
    protected void givenTheServicesMetrics() {
        for (List<MetricQuery> asked : List.of(List.of(SERVICE_MEMORY, NO_DATA, SERVICE_CPU), List.of(SERVICE_CPU), List.of(NO_DATA))) {
            String first = "MetricDataQueries.member.1.MetricStat.Metric.MetricName=" + asked.get(0).metricName() + "&";
            wm.stubFor(query("GetMetricData").atPriority(6).withRequestBody(containing(first))
                    .withRequestBody(notContaining("NextToken")).willReturn(xmlOk(page(minutes(asked, 0, 5), "token-2"))));
            wm.stubFor(query("GetMetricData").atPriority(6).withRequestBody(containing(first))
                    .withRequestBody(containing("NextToken=token-2")).willReturn(xmlOk(page(minutes(asked, 5, 10), null))));
        }
    }

    private static String minutes(List<MetricQuery> asked, int from, int to) {
        StringBuilder results = new StringBuilder();
        for (int q = 0; q < asked.size(); q++) {
            List<String> at = new java.util.ArrayList<>();
            List<String> values = new java.util.ArrayList<>();
            for (int m = from; m < to && asked.get(q) != NO_DATA; m++) {
                at.add(WINDOW_FROM.plus(Duration.ofMinutes(m)).toString());
                values.add(String.valueOf(41.0 + m));
            }
            results.append(result("q" + q, asked.get(q).id(), at, values, to == 10 ? "Complete" : "PartialData"));
        }
        return results.toString();
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(query("GetMetricData").atPriority(1).willReturn(AwsWireFixture.xmlRefusal(refusal, iamAction, "*")));
    }
}
