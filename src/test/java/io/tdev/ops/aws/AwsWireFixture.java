package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
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
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(700);

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
}
