package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.port.Logs;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.LogsContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link LogsContract} on {@link AwsLogs} over CloudWatch Logs' JSON protocol. FilterLogEvents is answered from the
 * world's events as the service does (startTime and endTime inclusive, at most {@code limit} and at most 10,000 events
 * a page, a nextToken while more match), so the contract's windows, caps and pages reach the adapter's paging; the
 * other operations are stubbed with the world's answers.
 */
class AwsLogsContractTest extends LogsContract {
    private static final String LOGS = "Logs_20140328.";
    private static final String FILTER = LOGS + "FilterLogEvents";
    private static final String GROUP_ARN = "arn:aws:logs:" + ContractWorld.REGION + ":" + ContractWorld.ACCOUNT
            + ":log-group:" + GROUP;
    private static final int WORLD = 6;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<WorldEvent> EVENTS = events();
    private static final long FAILED_LOGINS_IN_WINDOW = EVENTS.stream()
            .filter(e -> e.at >= FROM.toEpochMilli() && e.at < TO.toEpochMilli() && e.message.contains("authentication failed"))
            .count();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new FilterLogEventsAnswer())).build();

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsLogs logs;

    @BeforeEach
    void connect() {
        logs = new AwsLogs(aws.client(CloudWatchLogsClient.builder()), 20, new Polling(Duration.ofSeconds(1),
                Duration.ofSeconds(4), Duration.ofMinutes(5), d -> { }, line -> { }));
    }

    @Override
    protected Logs logs() {
        return logs;
    }

    // ---- what only the wire shows

    @Test
    void everyPageIsAskedForWithThePreviousPagesTokenAndTheWindowEndsAMillisecondBeforeTo() {
        LogEvents all = logs.filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 5 * PAGE);

        assertThat(all.events()).hasSize((int) FAILED_LOGINS_IN_WINDOW);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FILTER)));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FILTER))
                .withRequestBody(equalToJson("{\"logGroupName\":\"" + GROUP + "\",\"filterPattern\":\"\\\"authentication failed\\\"\","
                        + "\"startTime\":" + FROM.toEpochMilli() + ",\"endTime\":" + (TO.toEpochMilli() - 1) + ",\"limit\":10000}")));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FILTER))
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo(token(PAGE)))));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.filter");
    }

    /** The events AWS holds right at the window's edges (at TO, a millisecond before FROM) are never asked for. */
    @Test
    void theWorldHasEventsJustOutsideTheWindowThatTheFilterLeavesOut() {
        assertThat(EVENTS).anyMatch(e -> e.at == TO.toEpochMilli() && e.message.contains("authentication failed"));
        assertThat(EVENTS).anyMatch(e -> e.at == FROM.toEpochMilli() - 1 && e.message.contains("authentication failed"));

        assertThat(logs.filter(GROUP, FAILED_LOGIN_PATTERN, FROM, TO, 5 * PAGE).events()).hasSize((int) FAILED_LOGINS_IN_WINDOW)
                .noneMatch(e -> e.timestamp().equals(TO) || e.timestamp().isBefore(FROM));
    }

    @Test
    void aQueryIsStartedOnTheGroupsAndPolledUntilComplete() {
        logs.insights(List.of(GROUP), FAILURES_QUERY, FROM, TO);

        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(LOGS + "GetQueryResults"))
                .withRequestBody(equalToJson("{\"queryId\":\"q-failures\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Logs.insights");
    }

    // ---- the contract's world, as CloudWatch Logs answers it

    private record WorldEvent(long at, String stream, String message) {
    }

    /**
     * The service's log group: FAILED_LOGINS failed logins spread over the window from two streams, an INFO line every
     * 30 s, and failed logins a millisecond before FROM and exactly at TO, outside the window.
     */
    private static List<WorldEvent> events() {
        List<WorldEvent> events = new ArrayList<>();
        long from = FROM.toEpochMilli();
        long step = Duration.between(FROM, TO).toMillis() / FAILED_LOGINS;
        for (int i = 0; i < FAILED_LOGINS; i++) {
            String source = i % 10 < 7 ? "203.0.113.7" : "198.51.100.23";
            events.add(new WorldEvent(from + i * step, stream(i), "WARN authentication failed for api key ak_****"
                    + String.format(Locale.ROOT, "%04x", i & 0xffff) + " from " + source + ": invalid signature"));
        }
        for (long t = from; t < TO.toEpochMilli(); t += 30_000) {
            events.add(new WorldEvent(t + 250, stream(0), "INFO GET /api/v1/projects 200 41ms"));
        }
        events.add(new WorldEvent(from - 1, stream(1), "WARN authentication failed for api key ak_****beef from 203.0.113.7: invalid signature"));
        events.add(new WorldEvent(TO.toEpochMilli(), stream(2), "WARN authentication failed for api key ak_****f00d from 203.0.113.7: invalid signature"));
        events.sort(Comparator.comparingLong(WorldEvent::at));
        return List.copyOf(events);
    }

    private static String stream(int i) {
        return "ecs/t-developer-backend/" + (i % 2 == 0 ? "9f1c2b3a4d5e4f60a1b2c3d4e5f60718" : "0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5");
    }

    /** An opaque nextToken that says where the next page starts. */
    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("page-after:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** FilterLogEvents over {@link #EVENTS}, as CloudWatch Logs answers it. */
    static final class FilterLogEventsAnswer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "filter-log-events-answer";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            JsonNode request;
            try {
                request = MAPPER.readTree(event.getRequest().getBodyAsString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!GROUP.equals(request.path("logGroupName").asText())) {
                return jsonError(400, "ResourceNotFoundException", "The specified log group does not exist.").build();
            }
            int limit = request.path("limit").asInt(PAGE);
            if (limit < 1 || limit > PAGE) {
                return jsonError(400, "InvalidParameterException", "1 validation error detected: Value '" + limit
                        + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000").build();
            }
            long start = request.path("startTime").asLong(Long.MIN_VALUE);
            long end = request.path("endTime").asLong(Long.MAX_VALUE);
            Predicate<String> pattern = pattern(request.path("filterPattern").asText(""));
            List<WorldEvent> matching = EVENTS.stream().filter(e -> e.at >= start && e.at <= end && pattern.test(e.message)).toList();
            int offset = request.hasNonNull("nextToken") ? offset(request.get("nextToken").asText()) : 0;
            int until = Math.min(matching.size(), offset + limit);
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int i = offset; i < until; i++) {
                WorldEvent e = matching.get(i);
                body.append(i > offset ? "," : "").append("{\"logStreamName\":\"").append(e.stream).append("\",\"timestamp\":")
                        .append(e.at).append(",\"message\":\"").append(e.message).append("\",\"ingestionTime\":").append(e.at + 840)
                        .append(",\"eventId\":\"3").append(String.format(Locale.ROOT, "%055d", e.at * 100_000 + i)).append("\"}");
            }
            body.append("],\"searchedLogStreams\":[]").append(until < matching.size() ? ",\"nextToken\":\"" + token(until) + "\"" : "")
                    .append('}');
            return jsonOk(body.toString()).build();
        }

        /** The filter patterns the contract uses: a quoted phrase, or terms that must all appear; empty matches all. */
        private static Predicate<String> pattern(String text) {
            if (text.isBlank()) {
                return m -> true;
            }
            if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1) {
                String phrase = text.substring(1, text.length() - 1);
                return m -> m.contains(phrase);
            }
            List<String> terms = List.of(text.trim().split("\\s+"));
            return m -> terms.stream().allMatch(m::contains);
        }

        private static int offset(String token) {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                    .substring("page-after:".length()));
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private static MappingBuilder call(String operation) {
        return json(LOGS + operation).atPriority(WORLD);
    }

    private static String group(String name, Integer retentionDays, long storedBytes) {
        return "{\"logGroupName\":\"" + name + "\",\"creationTime\":1700000000000,"
                + (retentionDays != null ? "\"retentionInDays\":" + retentionDays + "," : "")
                + "\"metricFilterCount\":0,\"arn\":\"arn:aws:logs:eu-west-1:123456789012:log-group:" + name + ":*\","
                + "\"storedBytes\":" + storedBytes + "}";
    }

    @Override
    protected void givenTheServicesLogGroups() {
        wm.stubFor(call("FilterLogEvents").willReturn(jsonOk("").withTransformers(FilterLogEventsAnswer.NAME)));

        wm.stubFor(call("StartQuery").withRequestBody(equalToJson("{\"logGroupNames\":[\"" + GROUP + "\"],\"queryString\":\""
                        + FAILURES_QUERY + "\",\"startTime\":" + FROM.getEpochSecond() + ",\"endTime\":" + TO.getEpochSecond() + "}"))
                .willReturn(jsonOk("{\"queryId\":\"q-failures\"}")));
        wm.stubFor(call("StartQuery").withRequestBody(equalToJson("{\"queryString\":\"SOURCE logGroups(namePrefix: ['/ecs/']) | "
                        + FAILURES_BY_GROUP_QUERY + "\",\"startTime\":" + FROM.getEpochSecond() + ",\"endTime\":" + TO.getEpochSecond() + "}"))
                .willReturn(jsonOk("{\"queryId\":\"q-under\"}")));
        wm.stubFor(json(LOGS + "StartQuery").atPriority(WORLD + 1).willReturn(jsonError(400, "ResourceNotFoundException",
                "The specified log group does not exist.")));
        String stats = "\"statistics\":{\"recordsMatched\":" + FAILED_LOGINS_IN_WINDOW + ".0,\"recordsScanned\":"
                + EVENTS.size() + ".0,\"bytesScanned\":2.1E6}";
        aws.sequence(() -> call("GetQueryResults").withRequestBody(matchingJsonPath("$.queryId", equalTo("q-failures"))),
                jsonOk("{\"results\":[],\"statistics\":{\"recordsMatched\":0.0,\"recordsScanned\":0.0,\"bytesScanned\":0.0},\"status\":\"Running\"}"),
                jsonOk("{\"results\":[[{\"field\":\"failures\",\"value\":\"" + FAILED_LOGINS_IN_WINDOW + "\"}]]," + stats
                        + ",\"status\":\"Complete\"}"));
        wm.stubFor(call("GetQueryResults").withRequestBody(matchingJsonPath("$.queryId", equalTo("q-under")))
                .willReturn(jsonOk("{\"results\":[[{\"field\":\"@log\",\"value\":\"" + ContractWorld.ACCOUNT + ":" + GROUP + "\"},"
                        + "{\"field\":\"failures\",\"value\":\"" + FAILED_LOGINS_IN_WINDOW + "\"}]]," + stats + ",\"status\":\"Complete\"}")));

        // DescribeLogGroups answers ASCII-sorted by name, a page at a time
        wm.stubFor(call("DescribeLogGroups").withRequestBody(matchingJsonPath("$.logGroupNamePrefix", equalTo("/aws/")))
                .withRequestBody(matchingJsonPath("$.nextToken", absent()))
                .willReturn(jsonOk("{\"logGroups\":[" + group(BUILD_GROUP, null, 301_466_880L) + ","
                        + group(INSIGHTS_GROUP, 1, 912_004_096L) + "],\"nextToken\":\"aws-2\"}")));
        wm.stubFor(call("DescribeLogGroups").withRequestBody(matchingJsonPath("$.nextToken", equalTo("aws-2")))
                .willReturn(jsonOk("{\"logGroups\":[" + group(CLEANUP_GROUP, 14, 48_201_344L) + "]}")));
        wm.stubFor(call("DescribeLogGroups").withRequestBody(matchingJsonPath("$.logGroupNamePrefix", absent()))
                .withRequestBody(matchingJsonPath("$.nextToken", absent()))
                .willReturn(jsonOk("{\"logGroups\":[" + group(BUILD_GROUP, null, 301_466_880L) + ","
                        + group(INSIGHTS_GROUP, 1, 912_004_096L) + "],\"nextToken\":\"all-2\"}")));
        wm.stubFor(call("DescribeLogGroups").withRequestBody(matchingJsonPath("$.nextToken", equalTo("all-2")))
                .willReturn(jsonOk("{\"logGroups\":[" + group(CLEANUP_GROUP, 14, 48_201_344L) + ","
                        + group(GROUP, null, 2_318_402_112L) + "]}")));

        wm.stubFor(call("PutRetentionPolicy").withRequestBody(matchingJsonPath("$.logGroupName", equalTo(GROUP)))
                .willReturn(jsonOk("{}")));
        wm.stubFor(json(LOGS + "PutRetentionPolicy").atPriority(WORLD + 1).willReturn(jsonError(400,
                "ResourceNotFoundException", "The specified log group does not exist.")));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(json(LOGS + iamAction.substring("logs:".length())).atPriority(1)
                .willReturn(AwsWireFixture.jsonRefusal(refusal, iamAction, GROUP_ARN + ":*")));
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }

    @Override
    protected Integer retentionOf(String group) {
        Integer days = null;
        for (LoggedRequest r : wm.findAll(RequestPatternBuilder.newRequestPattern()
                .withHeader("X-Amz-Target", equalTo(LOGS + "PutRetentionPolicy")))) {
            try {
                JsonNode body = MAPPER.readTree(r.getBodyAsString());
                if (group.equals(body.path("logGroupName").asText())) {
                    days = body.path("retentionInDays").asInt();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return days;
    }
}
