package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.LogGroup;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.tdev.ops.aws.AwsWireFixture.delayed;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsLogsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String GROUP = "/ecs/t-developer-production";
    private static final Instant FROM = Instant.parse("2026-11-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-26T00:00:00Z");
    private static final String FILTER = "Logs_20140328.FilterLogEvents";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private AwsLogs logs;

    @BeforeEach
    void setUp() {
        CloudWatchLogsClient client = aws.client(CloudWatchLogsClient.builder());
        logs = new AwsLogs(client, 3, new Polling(Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(10), slept::add, progress::add));
    }

    private static String event(long ts, String stream, String message) {
        return "{\"ingestionTime\":" + (ts + 900) + ",\"timestamp\":" + ts + ",\"message\":\"" + message
                + "\",\"logStreamName\":\"" + stream + "\",\"eventId\":\"3113262927494551977980532285720373558671445464339" + ts + "\"}";
    }

    private static String page(String nextToken, String... events) {
        return "{\"events\":[" + String.join(",", events) + "],\"searchedLogStreams\":[{\"logStreamName\":\"ecs/backend/0f2a\","
                + "\"searchedCompletely\":true}]" + (nextToken != null ? ",\"nextToken\":\"" + nextToken + "\"" : "") + "}";
    }

    @Test
    void filterSendsTheWindowAndPatternAndReadsEveryPageOldestFirst() {
        long t1 = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli();
        wm.stubFor(json(FILTER).withRequestBody(matchingJsonPath("$[?(!@.nextToken)]"))
                .willReturn(jsonOk(page("tok-2", event(t1 + 5000, "ecs/backend/0f2a", "ERROR generation failed for project 17"),
                        event(t1, "ecs/backend/9bc1", "ERROR timeout calling agent")))));
        wm.stubFor(json(FILTER).withRequestBody(matchingJsonPath("$.nextToken", equalTo("tok-2")))
                .willReturn(jsonOk(page(null, event(t1 + 9000, "ecs/backend/0f2a", "ERROR db throttled")))));

        LogEvents found = logs.filter(GROUP, "ERROR", FROM, TO, 100);

        assertThat(found.truncated()).isFalse();
        assertThat(found.events()).extracting(LogEvent::message).containsExactly(
                "ERROR timeout calling agent", "ERROR generation failed for project 17", "ERROR db throttled");
        assertThat(found.events().get(0).logStream()).isEqualTo("ecs/backend/9bc1");
        assertThat(found.events().get(0).timestamp()).isEqualTo(Instant.ofEpochMilli(t1));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FILTER)));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"logGroupName\":\"" + GROUP
                + "\",\"filterPattern\":\"ERROR\",\"startTime\":" + FROM.toEpochMilli() + ",\"endTime\":"
                + (TO.toEpochMilli() - 1) + ",\"limit\":100}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.filter");
    }

    @Test
    void filterStopsAtTheEventCapAndSaysItWasTruncated() {
        long t = FROM.toEpochMilli();
        wm.stubFor(json(FILTER).willReturn(jsonOk(page("more", event(t + 1, "s", "ERROR a"), event(t + 2, "s", "ERROR b")))));

        LogEvents found = logs.filter(GROUP, "ERROR", FROM, TO, 2);

        assertThat(found.events()).hasSize(2);
        assertThat(found.truncated()).isTrue();
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.limit", equalTo("2"))));
    }

    @Test
    void filterStopsAtThePageCapEvenWhenPagesAreEmpty() {
        wm.stubFor(json(FILTER).willReturn(jsonOk(page("again"))));

        LogEvents found = logs.filter(GROUP, "ERROR", FROM, TO, 100);

        assertThat(found.events()).isEmpty();
        assertThat(found.truncated()).isTrue();
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void insightsPollsWhileRunningThenReturnsRowsWithoutThePointerField() {
        wm.stubFor(json("Logs_20140328.StartQuery").willReturn(jsonOk("{\"queryId\":\"12ab3456-12ab-123a-789e-1234567890ab\"}")));
        aws.sequence(() -> json("Logs_20140328.GetQueryResults"),
                jsonOk("{\"results\":[],\"statistics\":{\"recordsMatched\":0.0,\"recordsScanned\":0.0,\"bytesScanned\":0.0},\"status\":\"Scheduled\"}"),
                jsonOk("{\"results\":[],\"statistics\":{\"recordsMatched\":12.0,\"recordsScanned\":5000.0,\"bytesScanned\":910000.0},\"status\":\"Running\"}"),
                jsonOk("{\"results\":[[{\"field\":\"pattern\",\"value\":\"ERROR timeout calling agent <*>\"},{\"field\":\"count\",\"value\":\"42\"},"
                        + "{\"field\":\"@ptr\",\"value\":\"CmAKJQohMTIzNDU2Nzg5MDEyOi9lY3M=\"}],"
                        + "[{\"field\":\"pattern\",\"value\":\"ERROR db throttled\"},{\"field\":\"count\",\"value\":\"7\"}]],"
                        + "\"statistics\":{\"recordsMatched\":49.0,\"recordsScanned\":120000.0,\"bytesScanned\":23100000.0},\"status\":\"Complete\"}"));

        List<Map<String, String>> rows = logs.insights(List.of(GROUP), "filter @message like /ERROR/ | stats count(*) as count by pattern",
                FROM, TO);

        assertThat(rows).containsExactly(
                Map.of("pattern", "ERROR timeout calling agent <*>", "count", "42"),
                Map.of("pattern", "ERROR db throttled", "count", "7"));
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(progress).hasSize(2).allMatch(l -> l.contains("12ab3456-12ab-123a-789e-1234567890ab") && l.contains("of 10s"));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.StartQuery"))
                .withRequestBody(equalToJson("{\"logGroupNames\":[\"" + GROUP + "\"],\"startTime\":" + FROM.getEpochSecond()
                        + ",\"endTime\":" + TO.getEpochSecond() + ",\"queryString\":\"${json-unit.any-string}\"}")));
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.GetQueryResults"))
                .withRequestBody(matchingJsonPath("$.queryId", equalTo("12ab3456-12ab-123a-789e-1234567890ab"))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.insights");
    }

    @Test
    void insightsUnderPrefixesChoosesTheGroupsInTheQueryAndSendsNoGroupNames() {
        wm.stubFor(json("Logs_20140328.StartQuery").willReturn(jsonOk("{\"queryId\":\"q-prefix\"}")));
        wm.stubFor(json("Logs_20140328.GetQueryResults").willReturn(jsonOk("{\"results\":[[{\"field\":\"@log\","
                + "\"value\":\"123456789012:/ecs/svc-0012\"},{\"field\":\"errors\",\"value\":\"30\"}]],"
                + "\"statistics\":{\"recordsMatched\":30.0,\"recordsScanned\":91000.0,\"bytesScanned\":1.2E7},\"status\":\"Complete\"}")));

        List<Map<String, String>> rows = logs.insightsUnder(List.of("/ecs/", "/batch/"),
                "filter @message like /ERROR/ | stats count(*) as errors by @log", FROM, TO);

        assertThat(rows).containsExactly(Map.of("@log", "123456789012:/ecs/svc-0012", "errors", "30"));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.StartQuery"))
                .withRequestBody(equalToJson("{\"startTime\":" + FROM.getEpochSecond() + ",\"endTime\":" + TO.getEpochSecond()
                        + ",\"queryString\":\"SOURCE logGroups(namePrefix: ['/ecs/', '/batch/']) | filter @message like"
                        + " /ERROR/ | stats count(*) as errors by @log\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.insightsUnder");
    }

    @Test
    void insightsUnderRefusesPrefixesAQueryCannotTakeBeforeAnyCall() {
        assertThatThrownBy(() -> logs.insightsUnder(List.of("/a/", "/b/", "/c/", "/d/", "/e/", "/f/"), "fields @message",
                FROM, TO)).isInstanceOf(InvalidInputException.class).hasMessageContaining("namePrefixes")
                .hasMessageContaining("got 6");
        assertThatThrownBy(() -> logs.insightsUnder(List.of("/ecs/']) | fields @message #"), "fields @message", FROM, TO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("namePrefixes");
        wm.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void insightsThatOutlastsTheTimeoutIsStoppedAndReportedAsRetryable() {
        wm.stubFor(json("Logs_20140328.StartQuery").willReturn(jsonOk("{\"queryId\":\"q-slow\"}")));
        wm.stubFor(json("Logs_20140328.GetQueryResults").willReturn(jsonOk("{\"results\":[],\"status\":\"Running\"}")));
        wm.stubFor(json("Logs_20140328.StopQuery").willReturn(jsonOk("{\"success\":true}")));

        assertThatThrownBy(() -> logs.insights(List.of(GROUP), "fields @message", FROM, TO))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.api()).isEqualTo("logs:GetQueryResults");
                    assertThat(e.getMessage()).contains("q-slow", "Running", "of 10s", "stopped");
                });
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.StopQuery"))
                .withRequestBody(equalToJson("{\"queryId\":\"q-slow\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.insights");
    }

    @Test
    void insightsThatFailsOnTheServiceIsARemoteFailure() {
        wm.stubFor(json("Logs_20140328.StartQuery").willReturn(jsonOk("{\"queryId\":\"q-bad\"}")));
        wm.stubFor(json("Logs_20140328.GetQueryResults").willReturn(jsonOk("{\"results\":[],\"status\":\"Failed\"}")));

        assertThatThrownBy(() -> logs.insights(List.of(GROUP), "fields @message", FROM, TO))
                .isInstanceOf(RemoteFailureException.class).hasMessageContaining("q-bad").hasMessageContaining("Failed");
    }

    @Test
    void logGroupsReadsEveryPageWithThePrefix() {
        wm.stubFor(json("Logs_20140328.DescribeLogGroups").withRequestBody(matchingJsonPath("$[?(!@.nextToken)]"))
                .willReturn(jsonOk("{\"logGroups\":[{\"logGroupName\":\"/ecs/t-developer-production\",\"creationTime\":1700000000000,"
                        + "\"retentionInDays\":30,\"metricFilterCount\":1,\"arn\":\"arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/t-developer-production:*\","
                        + "\"storedBytes\":5368709120}],\"nextToken\":\"p2\"}")));
        wm.stubFor(json("Logs_20140328.DescribeLogGroups").withRequestBody(matchingJsonPath("$.nextToken", equalTo("p2")))
                .willReturn(jsonOk("{\"logGroups\":[{\"logGroupName\":\"/ecs/t-developer-staging\",\"creationTime\":1700000000000,"
                        + "\"metricFilterCount\":0,\"arn\":\"arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/t-developer-staging:*\","
                        + "\"storedBytes\":1024}]}")));

        List<LogGroup> groups = logs.logGroups("/ecs/t-developer");

        assertThat(groups).containsExactly(new LogGroup("/ecs/t-developer-production", 30, 5368709120L),
                new LogGroup("/ecs/t-developer-staging", null, 1024L));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.logGroupNamePrefix", equalTo("/ecs/t-developer"))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.logGroups");
    }

    @Test
    void putRetentionSendsTheDays() {
        wm.stubFor(json("Logs_20140328.PutRetentionPolicy").willReturn(jsonOk("{}")));

        logs.putRetention(GROUP, 30);

        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.PutRetentionPolicy"))
                .withRequestBody(equalToJson("{\"logGroupName\":\"" + GROUP + "\",\"retentionInDays\":30}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.putRetention");
    }

    @Test
    void putRetentionRefusesDaysAwsDoesNotAcceptAndSendsNothing() {
        assertThatThrownBy(() -> logs.putRetention(GROUP, 31))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .startsWith("retentionDays: got '31'").contains("30, 60"));
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void throttledTwiceThenOkSucceeds() {
        aws.faultsThenOk(() -> json(FILTER), 2, jsonError(400, "ThrottlingException", "Rate exceeded"), jsonOk(page(null)));

        assertThat(logs.filter(GROUP, "ERROR", FROM, TO, 10).events()).isEmpty();
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serverErrorThenOkSucceeds() {
        aws.faultsThenOk(() -> json(FILTER), 1, jsonError(500, "ServiceUnavailableException", "internal error"), jsonOk(page(null)));

        assertThat(logs.filter(GROUP, "ERROR", FROM, TO, 10).truncated()).isFalse();
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void readTimeoutThenOkSucceeds() {
        aws.faultsThenOk(() -> json(FILTER), 1, delayed(jsonOk(page(null))), jsonOk(page(null)));

        assertThat(logs.filter(GROUP, "ERROR", FROM, TO, 10).events()).isEmpty();
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void readTimeoutOnEveryAttemptIsARetryableRemoteFailureNamingTheAction() {
        logs = new AwsLogs(aws.client(CloudWatchLogsClient.builder(), 1));
        wm.stubFor(json(FILTER).willReturn(delayed(jsonOk(page(null)))));

        assertThatThrownBy(() -> logs.filter(GROUP, "ERROR", FROM, TO, 10))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("logs:FilterLogEvents", GROUP);
                });
    }

    @Test
    void throttledOnEveryAttemptIsARetryableFailureNamingTheApi() {
        wm.stubFor(json(FILTER).willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(() -> logs.filter(GROUP, "ERROR", FROM, TO, 10))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("logs:FilterLogEvents", "throttled");
                });
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void accessDeniedNamesTheActionAndTheRefusedResource() {
        String arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/t-developer-production:log-stream:";
        wm.stubFor(json(FILTER).willReturn(jsonError(400, "AccessDeniedException", deniedMessage("logs:FilterLogEvents", arn))));

        assertThatThrownBy(() -> logs.filter(GROUP, "ERROR", FROM, TO, 10))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("access denied", "logs:FilterLogEvents", arn);
                });
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void missingLogGroupNamesItAndTheConfigField() {
        wm.stubFor(json(FILTER).willReturn(jsonError(400, "ResourceNotFoundException", "The specified log group does not exist.")));

        assertThatThrownBy(() -> logs.filter(GROUP, "ERROR", FROM, TO, 10))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(GROUP).hasMessageContaining("config field logGroup");
    }
}
