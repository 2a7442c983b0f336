package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Real SDK clients pointed at WireMock: static fake credentials, us-east-1, S3 path-style, retries without
 * backoff (no test waits between attempts), a short socket timeout for the read-timeout faults, and a
 * recorder of every operation the client sends ({@code Service:Operation}, once per call, not per attempt).
 */
public final class WireMockAws {
    public static final String ACCOUNT = "123456789012";
    public static final Region REGION = Region.US_EAST_1;
    /** Longer than the clients' socket timeout: a response delayed by this is a read timeout. */
    public static final int TIMEOUT_DELAY_MS = 2500;
    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1000);

    private final WireMockExtension wm;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    public WireMockAws(WireMockExtension wm) {
        this.wm = wm;
    }

    public static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    public WireMockExtension wm() {
        return wm;
    }

    /** A client of any service with at most 3 attempts per call. */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, 3);
    }

    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, int maxAttempts) {
        return builder.endpointOverride(URI.create(wm.baseUrl()))
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
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

    public S3Client s3() {
        return client(S3Client.builder().forcePathStyle(true));
    }

    /** Operations sent so far, as {@code Service:Operation} with the SDK's service name (e.g. {@code CloudWatchLogs:FilterLogEvents}). */
    public List<String> sentOperations() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public void clearSent() {
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

    /** JSON protocol (Logs, DynamoDB, ECR, Secrets Manager): POST / with the X-Amz-Target header. */
    public static MappingBuilder jsonCall(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** Query protocol (CloudWatch, SNS, RDS): form POST / with Action=... */
    public static MappingBuilder queryCall(String action) {
        return post(urlEqualTo("/")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("Action=" + action + "&"));
    }

    // ---- responses

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    public static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"http://webservices.amazon.com/\"><Error><Type>Sender</Type><Code>"
                        + code + "</Code><Message>" + message + "</Message></Error>"
                        + "<RequestId>f1c8b2f3-6a0e-4b79-9c2d-6d9c0c7a1a11</RequestId></ErrorResponse>");
    }

    public static ResponseDefinitionBuilder restXmlError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
    }

    /** The IAM-style refusal AWS sends for a denied call, naming the principal, the action and the resource. */
    public static String deniedMessage(String action, String resourceArn) {
        return "User: arn:aws:iam::" + ACCOUNT + ":user/ci-deployer is not authorized to perform: " + action
                + " on resource: " + resourceArn + " because no identity-based policy allows the " + action + " action";
    }

    // ---- fault scripts: the given call fails as described, then answers {@code ok}

    /**
     * The first {@code failures} calls get {@code failure}, later ones {@code ok}. The matcher is built afresh
     * for each stub because a WireMock builder keeps its scenario state.
     */
    public void failThenOk(java.util.function.Supplier<MappingBuilder> call, int failures,
                           ResponseDefinitionBuilder failure, ResponseDefinitionBuilder ok) {
        String scenario = "fault-" + java.util.UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed-" + i;
            wm.stubFor(call.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(failure).willSetStateTo(next));
            state = next;
        }
        wm.stubFor(call.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(ok));
    }

    /** Stubs a sequence of responses to the same call (pages, poll states); the last one repeats. */
    public void sequence(java.util.function.Supplier<MappingBuilder> call, ResponseDefinitionBuilder... responses) {
        String scenario = "seq-" + java.util.UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            boolean last = i == responses.length - 1;
            var stub = call.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(responses[i]);
            if (!last) {
                String next = "step-" + (i + 1);
                stub.willSetStateTo(next);
                state = next;
            }
            wm.stubFor(stub);
        }
    }

    public static ResponseDefinitionBuilder delayed(ResponseDefinitionBuilder response) {
        return response.withFixedDelay(TIMEOUT_DELAY_MS);
    }
}
