package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.AlarmStateChange;
import io.tdev.ops.model.DeploymentRollback;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ServiceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The weekly report's incident sources on the wire: CloudWatch DescribeAlarmHistory (query protocol, state updates
 * of metric alarms, the prefix applied to every page) and ECS ListServiceDeployments (JSON 1.1, ROLLBACK_* statuses
 * created in the week).
 */
class AwsIncidentHistoryTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final ServiceRef PROD = new ServiceRef(TestEnvironments.CLUSTER, TestEnvironments.SERVICE);
    private static final Instant FROM = Instant.parse("2026-11-16T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");

    private AwsClientFactory factory;
    private AwsAlarms alarms;
    private AwsEcs ecs;

    @BeforeEach
    void connect() {
        factory = AwsWireFixture.factory(wm);
        alarms = new AwsAlarms(factory.cloudWatch());
        ecs = new AwsEcs(factory.ecs(), TestEnvironments.production(), BackoffStrategy.retryImmediately());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    /** One StateUpdate item as CloudWatch returns it: the states in HistoryData's JSON, XML-escaped. */
    private static String item(String alarm, String at, String from, String to, String reason) {
        String data = ("{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"" + from + "\",\"stateReason\":\"before\"},"
                + "\"newState\":{\"stateValue\":\"" + to + "\",\"stateReason\":\"" + reason + "\","
                + "\"stateReasonData\":{\"version\":\"1.0\",\"statistic\":\"Sum\",\"period\":60,\"threshold\":10.0}}}")
                .replace("\"", "&quot;");
        return """
                      <member>
                        <AlarmName>%s</AlarmName>
                        <AlarmType>MetricAlarm</AlarmType>
                        <Timestamp>%s</Timestamp>
                        <HistoryItemType>StateUpdate</HistoryItemType>
                        <HistorySummary>Alarm updated from %s to %s</HistorySummary>
                        <HistoryData>%s</HistoryData>
                      </member>
                """.formatted(alarm, at, from, to, data);
    }

    private static String historyPage(String items, String nextToken) {
        return """
                <DescribeAlarmHistoryResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmHistoryResult>
                    <AlarmHistoryItems>
                %s
                    </AlarmHistoryItems>
                    %s
                  </DescribeAlarmHistoryResult>
                  <ResponseMetadata><RequestId>0c9e2a4b-7f3d-4b1e-9a2c-5d6e7f8a9b0c</RequestId></ResponseMetadata>
                </DescribeAlarmHistoryResponse>""".formatted(items, nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>");
    }

    @Test
    void alarmHistorySendsTheWindowAndReadsEveryPageKeepingOnlyThePrefix() {
        wm.stubFor(query("DescribeAlarmHistory").withRequestBody(notContaining("NextToken")).willReturn(xmlOk(historyPage(
                item("t-developer-production-alb-5xx", "2026-11-18T08:03:00.000Z", "OK", "ALARM", "Threshold Crossed: 3 datapoints [412.0 (18/11/26 08:02:00)] were greater than or equal to the threshold (10.0).")
                        + item("t-developer-staging-alb-5xx", "2026-11-18T09:00:00.000Z", "OK", "ALARM", "staging"),
                "history-page-2"))));
        wm.stubFor(query("DescribeAlarmHistory").withRequestBody(containing("NextToken=history-page-2")).willReturn(xmlOk(historyPage(
                item("t-developer-production-alb-5xx", "2026-11-18T18:03:00.000Z", "ALARM", "OK", "Threshold Crossed: no datapoints were greater than or equal to the threshold (10.0)."),
                null))));

        List<AlarmStateChange> changes = alarms.history("t-developer-production", FROM, TO);

        assertThat(changes).containsExactly(
                new AlarmStateChange("t-developer-production-alb-5xx", Instant.parse("2026-11-18T08:03:00Z"),
                        AlarmState.OK, AlarmState.ALARM, "Threshold Crossed: 3 datapoints [412.0 (18/11/26 08:02:00)] were greater than or equal to the threshold (10.0)."),
                new AlarmStateChange("t-developer-production-alb-5xx", Instant.parse("2026-11-18T18:03:00Z"),
                        AlarmState.ALARM, AlarmState.OK, "Threshold Crossed: no datapoints were greater than or equal to the threshold (10.0)."));
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarmHistory"))
                .withRequestBody(containing("HistoryItemType=StateUpdate"))
                .withRequestBody(containing("AlarmTypes.member.1=MetricAlarm"))
                .withRequestBody(containing("StartDate=2026-11-16T00%3A00%3A00Z"))
                .withRequestBody(containing("EndDate=2026-11-23T00%3A00%3A00Z"))
                .withRequestBody(containing("ScanBy=TimestampAscending")));
        assertThat(AwsActions.of("Alarms.history")).containsAll(AwsWireFixture.sentIamActions(wm));
    }

    @Test
    void alarmHistoryThrottledTwiceThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeAlarmHistory"), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(historyPage(item("t-developer-production-cpu-high", "2026-11-19T10:00:00.000Z", "OK", "ALARM", "hot"), null)));

        assertThat(alarms.history("t-developer-production", FROM, TO)).hasSize(1);
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void alarmHistoryDeniedNamesTheAction() {
        wm.stubFor(query("DescribeAlarmHistory").willReturn(xmlError(403, "AccessDenied",
                deniedMessage("cloudwatch:DescribeAlarmHistory", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*"))));

        assertThatThrownBy(() -> alarms.history("t-developer-production", FROM, TO))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("cloudwatch:DescribeAlarmHistory");
    }

    private static String deployment(String id, String status, double startedAt, Double finishedAt, String reason) {
        return """
                {"serviceDeploymentArn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/%s/%s/%s",
                 "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/%s/%s",
                 "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/%s",
                 "createdAt": %s, "startedAt": %s%s,
                 "targetServiceRevisionArn": "arn:aws:ecs:eu-west-1:123456789012:service-revision/%s/%s/4402561234567890123",
                 "status": "%s", "statusReason": "%s"}""".formatted(TestEnvironments.CLUSTER, TestEnvironments.SERVICE, id,
                TestEnvironments.CLUSTER, TestEnvironments.SERVICE, TestEnvironments.CLUSTER, startedAt - 2, startedAt,
                finishedAt == null ? "" : ", \"finishedAt\": " + finishedAt, TestEnvironments.CLUSTER,
                TestEnvironments.SERVICE, status, reason);
    }

    @Test
    void rollbacksAskForRollbackStatusesInTheWindowOverEveryPage() {
        wm.stubFor(json(ECS + "ListServiceDeployments").withRequestBody(notMatching(".*nextToken.*")).willReturn(jsonOk(
                "{\"serviceDeployments\": [" + deployment("AbCdEf123", "ROLLBACK_SUCCESSFUL", 1795023000.0, 1795024500.0,
                        "Service deployment rolled back because the circuit breaker threshold was exceeded.")
                        + "], \"nextToken\": \"deployments-page-2\"}")));
        wm.stubFor(json(ECS + "ListServiceDeployments").withRequestBody(matchingJsonPath("$.nextToken", equalTo("deployments-page-2")))
                .willReturn(jsonOk("{\"serviceDeployments\": [" + deployment("GhIjKl456", "ROLLBACK_IN_PROGRESS",
                        1794900000.0, null, "Service deployment rolled back because of a StopServiceDeployment request.") + "]}")));

        List<DeploymentRollback> rollbacks = ecs.rollbacks(PROD, FROM, TO);

        assertThat(rollbacks).extracting(DeploymentRollback::status).containsExactly("ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL");
        assertThat(rollbacks.get(0).finishedAt()).isNull();
        assertThat(rollbacks.get(1).startedAt()).isEqualTo(Instant.parse("2026-11-18T17:30:00Z"));
        assertThat(rollbacks.get(1).finishedAt()).isEqualTo(Instant.parse("2026-11-18T17:55:00Z"));
        assertThat(rollbacks.get(1).id()).endsWith("/AbCdEf123");
        assertThat(rollbacks.get(1).reason()).contains("circuit breaker");
        wm.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(ECS + "ListServiceDeployments"))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo(TestEnvironments.CLUSTER)))
                .withRequestBody(matchingJsonPath("$.service", equalTo(TestEnvironments.SERVICE)))
                .withRequestBody(matchingJsonPath("$.status[0]", equalTo("ROLLBACK_REQUESTED")))
                .withRequestBody(matchingJsonPath("$.status[3]", equalTo("ROLLBACK_FAILED")))
                // epoch seconds of 2026-11-16T00:00Z and 2026-11-23T00:00Z
                .withRequestBody(matchingJsonPath("$.createdAt[?(@.after == 1794787200 && @.before == 1795392000)]")));
        assertThat(AwsActions.of("Ecs.rollbacks")).containsAll(AwsWireFixture.sentIamActions(wm));
    }

    @Test
    void rollbacksThrottledThenAnswered() {
        faultsThenOk(wm, () -> json(ECS + "ListServiceDeployments"), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"serviceDeployments\": []}"));

        assertThat(ecs.rollbacks(PROD, FROM, TO)).isEmpty();
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void rollbacksDeniedNamesTheActionAndTheService() {
        wm.stubFor(json(ECS + "ListServiceDeployments").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("ecs:ListServiceDeployments", "arn:aws:ecs:eu-west-1:123456789012:service/"
                        + TestEnvironments.CLUSTER + "/" + TestEnvironments.SERVICE))));

        assertThatThrownBy(() -> ecs.rollbacks(PROD, FROM, TO))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("ecs:ListServiceDeployments").hasMessageContaining(TestEnvironments.SERVICE);
    }
}
