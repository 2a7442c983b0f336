package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.port.contract.ContractWorld;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Real SDK clients pointed at WireMock, for every AWS adapter test: fake static credentials, a region, no back-off
 * between retries, small timeouts. Two ways to get clients: {@link #factory} builds them as the product does
 * (AwsClientFactory from AwsSettings); an instance builds any service's client directly ({@link #client}), short
 * socket timeout included, and records every operation its clients send. Plus stubs for the wire protocols the
 * adapters speak (JSON 1.1 with X-Amz-Target; the query protocol: form POST with Action=..., XML answers;
 * REST-XML) and scripted faults.
 */
public final class AwsWireFixture {
    public static final String ACCOUNT = "123456789012";
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String REGION = "eu-west-1";
    static final String JSON_11 = "application/x-amz-json-1.1";
    /** Generous enough for a cold JVM on a busy machine (the attempt includes unmarshalling), short enough for fault tests. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    /** The socket timeout of the clients an instance builds. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1000);
    /** A response delayed by this is a read timeout for {@link #ATTEMPT_TIMEOUT} and for {@link #SOCKET_TIMEOUT}. */
    static final int TIMEOUT_DELAY_MS = 5_000;

    private final WireMockExtension wm;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    /** Builds clients of {@code wm} that record what they send. */
    AwsWireFixture(WireMockExtension wm) {
        this.wm = wm;
    }

    public static WireMockExtension extension() {
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

    /** A client of any service with at most 3 attempts per call. */
    <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, 3);
    }

    <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, int maxAttempts) {
        return builder.endpointOverride(URI.create(wm.baseUrl()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                .circuitBreakerEnabled(false)
                                .build())
                        .addExecutionInterceptor(new Recorder()))
                .build();
    }

    S3Client s3() {
        return client(S3Client.builder().forcePathStyle(true));
    }

    /**
     * Operations the clients of this instance sent so far, as {@code Service:Operation} with the SDK's service
     * name (e.g. {@code CloudWatchLogs:FilterLogEvents}), once per call, not per attempt.
     */
    List<String> sentOperations() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    void clearSent() {
        sent.clear();
    }

    private final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            sent.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    // ---- request matchers per protocol

    /** A JSON 1.1 operation: POST / with {@code X-Amz-Target: PREFIX.Operation}. */
    public static MappingBuilder json(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** A query-protocol operation: form POST / with {@code Action=Operation}. */
    static MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    public static ResponseDefinitionBuilder jsonOk(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(body);
    }

    static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-RequestId", "c1a7d3a5-0b6e-4b3e-9c0c-2d3b1f0e7a11")
                .withHeader("x-amzn-ErrorType", type)
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

    static ResponseDefinitionBuilder restXmlError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
    }

    /** {@code response}, answered so late that the call times out ({@link #TIMEOUT_DELAY_MS}). */
    static ResponseDefinitionBuilder delayed(ResponseDefinitionBuilder response) {
        return response.withFixedDelay(TIMEOUT_DELAY_MS);
    }

    /** The IAM-style refusal AWS sends for a denied call, naming the principal, the action and the resource. */
    static String deniedMessage(String action, String resourceArn) {
        return "User: arn:aws:iam::" + ACCOUNT + ":user/ci-deployer is not authorized to perform: " + action
                + " on resource: " + resourceArn + " because no identity-based policy allows the " + action + " action";
    }

    /** AWS refusing a call over JSON 1.1: AccessDenied naming the action and the resource, or throttling. */
    public static ResponseDefinitionBuilder jsonRefusal(ContractWorld.Refusal refusal, String action, String resourceArn) {
        return refusal == ContractWorld.Refusal.DENIED
                ? jsonError(400, "AccessDeniedException", deniedMessage(action, resourceArn))
                : jsonError(400, "ThrottlingException", "Rate exceeded");
    }

    /** AWS refusing a call over the query protocol (XML answers). */
    static ResponseDefinitionBuilder xmlRefusal(ContractWorld.Refusal refusal, String action, String resourceArn) {
        return refusal == ContractWorld.Refusal.DENIED
                ? xmlError(403, "AccessDenied", deniedMessage(action, resourceArn))
                : xmlError(400, "Throttling", "Rate exceeded");
    }

    /** A form parameter of a query-protocol request, decoded; null when the request has none. */
    static String formParam(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The newest query-protocol request of {@code action} WireMock received (fails when there is none). */
    static LoggedRequest lastQuery(WireMockExtension wm, String action) {
        List<LoggedRequest> sent = wm.findAll(RequestPatternBuilder.newRequestPattern()
                .withRequestBody(containing("Action=" + action + "&")));
        if (sent.isEmpty()) {
            throw new AssertionError("no " + action + " was sent");
        }
        return sent.get(sent.size() - 1);
    }

    // ---- fault scripts

    /**
     * Answers {@code failures} times with {@code fault}, then with {@code ok}: a WireMock scenario, so the
     * test sees the SDK's retries on the wire. The matcher is built afresh for each stub because a WireMock
     * builder keeps its scenario state.
     */
    static void faultsThenOk(WireMockExtension wm, Supplier<MappingBuilder> request, int failures,
                             ResponseDefinitionBuilder fault, ResponseDefinitionBuilder ok) {
        String scenario = "faults-then-ok-" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "after-fault-" + i;
            wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(fault).willSetStateTo(next));
            state = next;
        }
        wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(ok));
    }

    /** {@link #faultsThenOk(WireMockExtension, Supplier, int, ResponseDefinitionBuilder, ResponseDefinitionBuilder)} on this instance's server. */
    void faultsThenOk(Supplier<MappingBuilder> request, int failures, ResponseDefinitionBuilder fault,
                      ResponseDefinitionBuilder ok) {
        faultsThenOk(wm, request, failures, fault, ok);
    }

    /** Stubs a sequence of responses to the same call (pages, poll states); the last one repeats. */
    void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = "sequence-" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            var stub = request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(responses[i]);
            if (i < responses.length - 1) {
                String next = "step-" + (i + 1);
                stub.willSetStateTo(next);
                state = next;
            }
            wm.stubFor(stub);
        }
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
