package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Real SDK clients pointed at WireMock: fake static credentials, a region, no back-off between retries, small
 * timeouts; plus stubs for the two wire protocols the adapters here speak (JSON 1.1 with X-Amz-Target, and
 * the query protocol: form POST with Action=..., XML answers).
 */
final class AwsWireFixture {
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String REGION = "eu-west-1";
    static final String JSON_11 = "application/x-amz-json-1.1";
    /** Generous enough for a cold JVM on a busy machine (the attempt includes unmarshalling), short enough for fault tests. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    /** A response delayed by this is a read timeout for {@link #ATTEMPT_TIMEOUT}. */
    static final int TIMEOUT_DELAY_MS = 5_000;

    private AwsWireFixture() {
    }

    static WireMockExtension extension() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static AwsSettings settings(String endpoint) {
        return settings(endpoint, 3);
    }

    static AwsSettings settings(String endpoint, int maxAttempts) {
        return new AwsSettings(REGION, null, null, null, endpoint, ACCESS_KEY_ID, SECRET_ACCESS_KEY, null,
                Duration.ofSeconds(10), ATTEMPT_TIMEOUT, "standard", maxAttempts);
    }

    static AwsClientFactory factory(WireMockExtension wm) {
        return AwsClientFactory.create(settings(wm.baseUrl()), null, BackoffStrategy.retryImmediately());
    }

    /** A JSON 1.1 operation: POST / with {@code X-Amz-Target: PREFIX.Operation}. */
    static MappingBuilder json(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** A query-protocol operation: form POST / with {@code Action=Operation}. */
    static MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    static ResponseDefinitionBuilder jsonOk(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(body);
    }

    static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-RequestId", "c1a7d3a5-0b6e-4b3e-9c0c-2d3b1f0e7a11")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    static ResponseDefinitionBuilder xmlOk(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static ResponseDefinitionBuilder xmlError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>3f1d2a49-5a8d-4c41-9d2e-7b1e4b7c2a90</RequestId>
                </ErrorResponse>""".formatted(code, message));
    }

    /**
     * Answers {@code failures} times with {@code fault}, then with {@code ok}: a WireMock scenario, so the
     * test sees the SDK's retries on the wire.
     */
    static void faultsThenOk(WireMockExtension wm, Supplier<MappingBuilder> request, int failures,
                             ResponseDefinitionBuilder fault, ResponseDefinitionBuilder ok) {
        String scenario = "faults-then-ok";
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "after-fault-" + i;
            wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(fault).willSetStateTo(next));
            state = next;
        }
        wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(ok));
    }

    /**
     * The IAM actions of every request WireMock received, read off the wire: the X-Amz-Target operation of
     * JSON 1.1 calls, the Action of query-protocol calls (by their API version), in the order sent, once each.
     */
    static List<String> sentIamActions(WireMockExtension wm) {
        Set<String> actions = new LinkedHashSet<>();
        for (LoggedRequest r : wm.findAll(RequestPatternBuilder.allRequests())) {
            String target = r.getHeader("X-Amz-Target");
            if (target != null && target.contains(".")) {
                String prefix = JSON_PREFIXES.get(target.substring(0, target.indexOf('.')));
                actions.add(prefix + ":" + target.substring(target.indexOf('.') + 1));
                continue;
            }
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : r.getBodyAsString().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            if (form.containsKey("Action")) {
                actions.add(QUERY_VERSIONS.get(form.get("Version")) + ":" + form.get("Action"));
            }
        }
        return List.copyOf(actions);
    }

    private static final Map<String, String> JSON_PREFIXES = Map.of(
            "AmazonEC2ContainerServiceV20141113", "ecs",
            "AnyScaleFrontendService", "application-autoscaling");
    private static final Map<String, String> QUERY_VERSIONS = Map.of(
            "2010-08-01", "cloudwatch",
            "2015-12-01", "elasticloadbalancing",
            "2011-06-15", "sts");
}
