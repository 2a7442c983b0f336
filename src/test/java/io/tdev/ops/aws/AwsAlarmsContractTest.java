package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Alarms;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.AlarmsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link AlarmsContract} on {@link AwsAlarms}, and what only the wire shows. CloudWatch speaks the query protocol
 * at SDK 2.40.2: form POST with Action=DescribeAlarms, XML answers.
 */
class AwsAlarmsContractTest extends AlarmsContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsClientFactory factory;
    private AwsAlarms alarms;

    @BeforeEach
    void connect() {
        factory = AwsWireFixture.factory(wm);
        alarms = new AwsAlarms(factory.cloudWatch());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private static String alarm(String name, String state, String reason, String updated, String metric) {
        return alarm(name, state, reason, updated, metric, "AWS/ECS");
    }

    private static String alarm(String name, String state, String reason, String updated, String metric, String namespace) {
        return alarm(name, state, reason, updated, metric, namespace, java.util.Map.of(
                "ClusterName", "t-developer-cluster-production", "ServiceName", "t-developer-service-production"));
    }

    private static String alarm(String name, String state, String reason, String updated, String metric, String namespace,
                                java.util.Map<String, String> dimensions) {
        String dims = String.join("", dimensions.entrySet().stream().map(d -> "<member><Name>" + d.getKey()
                + "</Name><Value>" + d.getValue() + "</Value></member>").toList());
        return """
                      <member>
                        <AlarmName>%s</AlarmName>
                        <AlarmArn>arn:aws:cloudwatch:eu-west-1:123456789012:alarm:%s</AlarmArn>
                        <AlarmDescription>T-Developer production</AlarmDescription>
                        <AlarmConfigurationUpdatedTimestamp>2026-01-05T09:00:00.000Z</AlarmConfigurationUpdatedTimestamp>
                        <ActionsEnabled>true</ActionsEnabled>
                        <OKActions/>
                        <AlarmActions>
                          <member>arn:aws:sns:eu-west-1:123456789012:t-developer-alerts-production</member>
                        </AlarmActions>
                        <InsufficientDataActions/>
                        <StateValue>%s</StateValue>
                        <StateReason>%s</StateReason>
                        <StateReasonData>{"version":"1.0","queryDate":"2026-11-26T13:20:00.000+0000","statistic":"Average","period":60,"threshold":70.0}</StateReasonData>
                        <StateUpdatedTimestamp>%s</StateUpdatedTimestamp>
                        <MetricName>%s</MetricName>
                        <Namespace>%s</Namespace>
                        <Statistic>Average</Statistic>
                        <Dimensions>%s</Dimensions>
                        <Period>60</Period>
                        <EvaluationPeriods>3</EvaluationPeriods>
                        <Threshold>70.0</Threshold>
                        <ComparisonOperator>GreaterThanThreshold</ComparisonOperator>
                        <TreatMissingData>missing</TreatMissingData>
                        <StateTransitionedTimestamp>%s</StateTransitionedTimestamp>
                      </member>
                """.formatted(name, name, state, reason, updated, metric, namespace, dims, updated);
    }

    private static String page(String members, String nextToken) {
        return """
                <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmsResult>
                    <MetricAlarms>
                %s
                    </MetricAlarms>
                    <CompositeAlarms/>
                    %s
                  </DescribeAlarmsResult>
                  <ResponseMetadata>
                    <RequestId>d4f1e2c3-9b8a-4c7d-8e6f-5a4b3c2d1e0f</RequestId>
                  </ResponseMetadata>
                </DescribeAlarmsResponse>""".formatted(members, nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>");
    }

    @Test
    void sendsDescribeAlarmsByPrefixAndStateForMetricAlarms() {
        wm.stubFor(query("DescribeAlarms").willReturn(xmlOk(page(alarm("t-developer-cpu-high", "ALARM",
                "Threshold Crossed: 3 datapoints [91.2 (26/11/26 13:19:00), 88.0 (26/11/26 13:18:00), 85.5 (26/11/26 13:17:00)] were greater than the threshold (70.0).",
                "2026-11-26T13:20:00.000Z", "CPUUtilization"), null))));

        alarms.alarms("t-developer", Optional.of(AlarmState.ALARM));

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Authorization", matching(".*/eu-west-1/monitoring/aws4_request.*"))
                .withRequestBody(containing("Action=DescribeAlarms&Version=2010-08-01"))
                .withRequestBody(containing("AlarmNamePrefix=t-developer"))
                .withRequestBody(containing("StateValue=ALARM"))
                .withRequestBody(containing("AlarmTypes.member.1=MetricAlarm"))
                .withRequestBody(containing("MaxRecords=100")));
    }

    @Test
    void withoutAStateAsksForEveryState() {
        wm.stubFor(query("DescribeAlarms").willReturn(xmlOk(page("", null))));

        assertThat(alarms.alarms("t-developer", Optional.empty())).isEmpty();

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(notContaining("StateValue")));
    }

    @Test
    void withoutAPrefixAsksForEveryAlarmAndAMetricMathAlarmHasItsMetricsDimensions() {
        String mathAlarm = """
                      <member>
                        <AlarmName>ops-5xx-rate</AlarmName>
                        <AlarmArn>arn:aws:cloudwatch:eu-west-1:123456789012:alarm:ops-5xx-rate</AlarmArn>
                        <StateValue>ALARM</StateValue>
                        <StateReason>Threshold Crossed: 1 datapoint [7.5] was greater than the threshold (5.0).</StateReason>
                        <StateUpdatedTimestamp>2026-11-26T13:10:00.000Z</StateUpdatedTimestamp>
                        <Dimensions/>
                        <Metrics>
                          <member>
                            <Id>errors</Id>
                            <MetricStat>
                              <Metric>
                                <Namespace>AWS/ApplicationELB</Namespace>
                                <MetricName>HTTPCode_Target_5XX_Count</MetricName>
                                <Dimensions>
                                  <member><Name>TargetGroup</Name><Value>targetgroup/t-developer-tg-production/4f1b2c3d5e6a7b8c</Value></member>
                                  <member><Name>LoadBalancer</Name><Value>app/t-developer-alb-production/50dc6c495c0c9188</Value></member>
                                </Dimensions>
                              </Metric>
                              <Period>60</Period>
                              <Stat>Sum</Stat>
                            </MetricStat>
                            <ReturnData>false</ReturnData>
                          </member>
                          <member>
                            <Id>rate</Id>
                            <Expression>100 * errors / requests</Expression>
                            <ReturnData>true</ReturnData>
                          </member>
                        </Metrics>
                        <EvaluationPeriods>3</EvaluationPeriods>
                        <Threshold>5.0</Threshold>
                        <ComparisonOperator>GreaterThanThreshold</ComparisonOperator>
                      </member>
                """;
        wm.stubFor(query("DescribeAlarms").willReturn(xmlOk(page(mathAlarm, null))));

        var found = alarms.alarms(null, Optional.of(AlarmState.ALARM));

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(notContaining("AlarmNamePrefix")));
        assertThat(found).singleElement().satisfies(a -> assertThat(a.dimensions()).containsExactly(
                java.util.Map.entry("TargetGroup", "targetgroup/t-developer-tg-production/4f1b2c3d5e6a7b8c"),
                java.util.Map.entry("LoadBalancer", "app/t-developer-alb-production/50dc6c495c0c9188")));
    }

    @Test
    void throttledTwiceThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeAlarms"), 2, xmlError(400, "Throttling", "Rate exceeded"), xmlOk(page("", null)));

        assertThat(alarms.alarms("t-developer", Optional.empty())).isEmpty();
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void onePersistentlyThrottledReadThroughTheEngineCostsTheSdksAttemptsOnly() {
        wm.stubFor(query("DescribeAlarms").willReturn(xmlError(400, "Throttling", "Rate exceeded")));
        java.util.List<java.time.Duration> slept = new java.util.ArrayList<>();
        io.tdev.ops.support.Retry engine = io.tdev.ops.support.Retry.reads(slept::add);

        assertThatThrownBy(() -> engine.call(() -> alarms.alarms("t-developer", Optional.empty())))
                .isInstanceOf(RemoteFailureException.class);

        // the SDK's 3 attempts own the budget; the engine does not multiply them by its own 4
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
        assertThat(slept).isEmpty();
    }

    @Test
    void serverErrorThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeAlarms"), 1, xmlError(500, "InternalServiceError", "Internal failure"),
                xmlOk(page("", null)));

        assertThat(alarms.alarms("t-developer", Optional.empty())).isEmpty();
        wm.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void readTimeoutThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeAlarms"), 1, xmlOk(page("", null)).withFixedDelay(AwsWireFixture.TIMEOUT_DELAY_MS),
                xmlOk(page(alarm("t-developer-cpu-high", "OK", "ok", "2026-11-26T13:20:00.000Z", "CPUUtilization"), null)));

        assertThat(alarms.alarms("t-developer", Optional.empty())).hasSize(1);
    }

    // ---- the contract's world, as CloudWatch answers it (it filters by prefix and state itself, in name order)

    @Override
    protected Alarms alarms() {
        return alarms;
    }

    @Override
    protected void givenAlarms(List<Alarm> given) {
        List<Alarm> queue = given.stream().filter(a -> a.name().startsWith(PREFIX)).toList();
        int half = queue.size() / 2;
        var prefixed = query("DescribeAlarms").withRequestBody(containing("AlarmNamePrefix=" + PREFIX + "&"));
        wm.stubFor(query("DescribeAlarms").atPriority(9).willReturn(xmlOk(page("", null))));
        wm.stubFor(query("DescribeAlarms").withRequestBody(containing("AlarmNamePrefix=" + PREFIX + "&"))
                .withRequestBody(notContaining("StateValue")).withRequestBody(notContaining("NextToken"))
                .willReturn(xmlOk(page(members(queue.subList(0, half)), "token-page-2"))));
        wm.stubFor(query("DescribeAlarms").withRequestBody(containing("AlarmNamePrefix=" + PREFIX + "&"))
                .withRequestBody(notContaining("StateValue")).withRequestBody(containing("NextToken=token-page-2"))
                .willReturn(xmlOk(page(members(queue.subList(half, queue.size())), null))));
        wm.stubFor(prefixed.withRequestBody(containing("StateValue=ALARM"))
                .willReturn(xmlOk(page(members(queue.stream().filter(a -> a.state() == AlarmState.ALARM).toList()), null))));
        // no prefix: every alarm of the account in the state
        wm.stubFor(query("DescribeAlarms").withRequestBody(notContaining("AlarmNamePrefix"))
                .withRequestBody(containing("StateValue=ALARM"))
                .willReturn(xmlOk(page(members(given.stream().filter(a -> a.state() == AlarmState.ALARM).toList()), null))));
    }

    private static String members(List<Alarm> alarms) {
        return String.join("", alarms.stream().map(a -> alarm(a.name(), a.state().name(),
                a.state() == AlarmState.INSUFFICIENT_DATA ? "Insufficient Data: 1 datapoint was unknown."
                        : "Threshold Crossed: 1 datapoint [12.0 (26/11/26 08:39:00)] was " + (a.state() == AlarmState.OK ? "not " : "")
                        + "greater than the threshold (10.0).",
                a.stateUpdatedAt().toString(), a.metricName(), a.namespace(), a.dimensions())).toList());
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(query("DescribeAlarms").atPriority(1).willReturn(AwsWireFixture.xmlRefusal(refusal, iamAction,
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*")));
    }
}
