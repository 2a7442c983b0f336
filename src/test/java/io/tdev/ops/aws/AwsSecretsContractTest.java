package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Secrets;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.SecretsContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The {@link SecretsContract} on {@link AwsSecrets} (JSON 1.1), and what only the wire shows. */
class AwsSecretsContractTest extends SecretsContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String VALUE = "sk-live-7f3a9c2e41d8b6";
    private static final String ROTATE = "secretsmanager.RotateSecret";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsSecrets secrets;

    @BeforeEach
    void setUp() {
        secrets = new AwsSecrets(aws.client(SecretsManagerClient.builder()));
    }

    @Test
    void rotateSendsTheSecretIdAndReturnsTheNewVersion() {
        wm.stubFor(json(ROTATE).willReturn(jsonOk("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:"
                + SECRET + "-a1b2c3\",\"Name\":\"" + SECRET + "\",\"VersionId\":\"EXAMPLE2-90ab-cdef-fedc-ba987SECRET2\"}")));

        assertThat(secrets.rotate(SECRET)).isEqualTo("EXAMPLE2-90ab-cdef-fedc-ba987SECRET2");
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"SecretId\":\"" + SECRET + "\",\"ClientRequestToken\":\"${json-unit.any-string}\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.rotate");
    }

    @Test
    void lastRotatedReadsDescribeSecret() {
        wm.stubFor(json("secretsmanager.DescribeSecret").willReturn(jsonOk("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:"
                + "123456789012:secret:" + SECRET + "-a1b2c3\",\"Name\":\"" + SECRET + "\",\"Description\":\"T-Developer API keys\","
                + "\"RotationEnabled\":true,\"RotationLambdaARN\":\"arn:aws:lambda:eu-west-1:123456789012:function:t-developer-rotate\","
                + "\"RotationRules\":{\"AutomaticallyAfterDays\":30},\"LastRotatedDate\":1764064800,\"LastChangedDate\":1764064801,"
                + "\"LastAccessedDate\":1764028800,\"VersionIdsToStages\":{\"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1\":[\"AWSPREVIOUS\"],"
                + "\"EXAMPLE2-90ab-cdef-fedc-ba987SECRET2\":[\"AWSCURRENT\"]}}")));

        assertThat(secrets.lastRotated(SECRET)).hasValue(Instant.ofEpochSecond(1764064800));
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.lastRotated");
    }

    @Test
    void neverRotatedIsEmpty() {
        wm.stubFor(json("secretsmanager.DescribeSecret").willReturn(jsonOk("{\"Name\":\"" + SECRET + "\",\"RotationEnabled\":false}")));

        assertThat(secrets.lastRotated(SECRET)).isEqualTo(Optional.empty());
    }

    @Test
    void aSecretValueQuotedByTheServiceReachesNeitherTheMessageNorTheCauseChain() {
        wm.stubFor(json(ROTATE).willReturn(jsonError(400, "InvalidRequestException",
                "A previous rotation isn't complete. Lambda error: could not log in with password " + VALUE)));

        Throwable thrown = catchThrowable(() -> secrets.rotate(SECRET));

        assertThat(thrown).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("secretsmanager:RotateSecret").hasMessageContaining(SECRET)
                .hasMessageContaining("InvalidRequestException");
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(VALUE);
        assertThat(aws.sentOperations()).isNotEmpty().allMatch(op -> op.endsWith(":RotateSecret"));
    }

    @Test
    void rotateThrottledTwiceThenOk() {
        aws.faultsThenOk(() -> json(ROTATE), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"Name\":\"" + SECRET + "\",\"VersionId\":\"v2\"}"));

        assertThat(secrets.rotate(SECRET)).isEqualTo("v2");
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void rotateServerErrorThenOk() {
        aws.faultsThenOk(() -> json(ROTATE), 1, jsonError(500, "InternalServiceError", "internal"),
                jsonOk("{\"Name\":\"" + SECRET + "\",\"VersionId\":\"v2\"}"));

        assertThat(secrets.rotate(SECRET)).isEqualTo("v2");
    }

    @Test
    void readTimeoutOnEveryAttemptIsRetryableAndNamesTheSecret() {
        secrets = new AwsSecrets(aws.client(SecretsManagerClient.builder(), 1));
        wm.stubFor(json(ROTATE).willReturn(AwsWireFixture.delayed(jsonOk("{}"))));

        Throwable thrown = catchThrowable(() -> secrets.rotate(SECRET));

        assertThat(thrown).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("secretsmanager:RotateSecret", SECRET);
        });
    }

    @Test
    void accessDeniedNamesTheActionAndTheSecret() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + SECRET + "-a1b2c3";
        wm.stubFor(json(ROTATE).willReturn(jsonError(400, "AccessDeniedException", deniedMessage("secretsmanager:RotateSecret", arn))));

        assertThat(catchThrowable(() -> secrets.rotate(SECRET))).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("secretsmanager:RotateSecret").hasMessageContaining(arn);
    }

    @Test
    void missingSecretNamesItAndTheConfigField() {
        wm.stubFor(json("secretsmanager.DescribeSecret").willReturn(jsonError(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")));

        assertThat(catchThrowable(() -> secrets.lastRotated(SECRET))).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(SECRET).hasMessageContaining("config field secret");
    }

    @Test
    void valueReadsOneKeyOfTheJsonSecretAndPrintsAsStars() {
        wm.stubFor(json("secretsmanager.GetSecretValue").willReturn(jsonOk("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:"
                + "123456789012:secret:" + SECRET + "-a1b2c3\",\"Name\":\"" + SECRET + "\",\"VersionId\":\"v2\","
                + "\"SecretString\":\"{\\\"admin_token\\\":\\\"" + VALUE + "\\\",\\\"openai\\\":\\\"sk-other\\\"}\","
                + "\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1764064800}")));

        var value = secrets.value(SECRET, "admin_token");

        assertThat(value.reveal()).isEqualTo(VALUE);
        assertThat(value.toString()).isEqualTo("****");
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"SecretId\":\"" + SECRET + "\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.value");
    }

    @Test
    void aMissingKeyNamesTheSecretTheKeyAndTheConfigFieldButNoValue() {
        wm.stubFor(json("secretsmanager.GetSecretValue").willReturn(jsonOk("{\"Name\":\"" + SECRET + "\","
                + "\"SecretString\":\"{\\\"openai\\\":\\\"" + VALUE + "\\\"}\"}")));

        Throwable thrown = catchThrowable(() -> secrets.value(SECRET, "admin_token"));

        assertThat(thrown).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(SECRET).hasMessageContaining("admin_token")
                .hasMessageContaining("incident.admin.tokenKey").hasMessageNotContaining(VALUE);
    }

    @Test
    void aDeniedGetSecretValueNamesTheAction() {
        wm.stubFor(json("secretsmanager.GetSecretValue").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + SECRET))));

        assertThat(catchThrowable(() -> secrets.value(SECRET, "admin_token"))).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("secretsmanager:GetSecretValue");
    }

    // ---- the contract's world, as Secrets Manager answers it

    private static final int WORLD = 6;
    private static final String PREFIX = "secretsmanager.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + SECRET + "-a1b2c3";

    @Override
    protected Secrets secrets() {
        return secrets;
    }

    private static MappingBuilder call(String operation, String secretId) {
        return json(PREFIX + operation).atPriority(WORLD).withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)));
    }

    private static ResponseDefinitionBuilder notFound() {
        return jsonError(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    @Override
    protected void givenTheApiKeySecret() {
        wm.stubFor(call("RotateSecret", SECRET).willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET
                + "\",\"VersionId\":\"EXAMPLE3-90ab-cdef-fedc-ba987SECRET3\"}")));
        wm.stubFor(call("DescribeSecret", SECRET).willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET
                + "\",\"RotationEnabled\":true,\"RotationLambdaARN\":\"arn:aws:lambda:eu-west-1:123456789012:function:"
                + "t-developer-rotate\",\"RotationRules\":{\"AutomaticallyAfterDays\":30},\"LastRotatedDate\":1764064800,"
                + "\"LastChangedDate\":1764064801}")));
        wm.stubFor(call("ListSecretVersionIds", SECRET).withRequestBody(notContaining("NextToken")).willReturn(jsonOk(
                "{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET + "\",\"NextToken\":\"page-2\",\"Versions\":[{\"VersionId\":"
                        + "\"EXAMPLE2-90ab-cdef-fedc-ba987SECRET2\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1764064800}]}")));
        wm.stubFor(call("ListSecretVersionIds", SECRET).withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET + "\",\"Versions\":[{\"VersionId\":"
                        + "\"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1\",\"VersionStages\":[\"AWSPREVIOUS\"],\"CreatedDate\":1761472800}]}")));
        wm.stubFor(call("GetSecretValue", SECRET).willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET
                + "\",\"VersionId\":\"EXAMPLE2-90ab-cdef-fedc-ba987SECRET2\",\"SecretString\":\"{\\\"" + TOKEN_KEY + "\\\":\\\""
                + "adm-5b1f0c9e7a3d4e2f\\\",\\\"openai\\\":\\\"sk-other\\\"}\",\"VersionStages\":[\"AWSCURRENT\"],"
                + "\"CreatedDate\":1764064800}")));
        wm.stubFor(call("PutSecretValue", SECRET).willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET
                + "\",\"VersionId\":\"EXAMPLE4-90ab-cdef-fedc-ba987SECRET4\",\"VersionStages\":[\"AWSCURRENT\"]}")));
        for (String operation : List.of("RotateSecret", "DescribeSecret", "ListSecretVersionIds", "GetSecretValue", "PutSecretValue")) {
            wm.stubFor(call(operation, MISSING).willReturn(notFound()));
            wm.stubFor(call(operation, DOCUMENT).willReturn(notFound()));
        }
        wm.stubFor(json(PREFIX + "CreateSecret").atPriority(WORLD).withRequestBody(matchingJsonPath("$.Name", equalTo(DOCUMENT)))
                .willReturn(jsonOk("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + DOCUMENT
                        + "-d4e5f6\",\"Name\":\"" + DOCUMENT + "\",\"VersionId\":\"EXAMPLE5-90ab-cdef-fedc-ba987SECRET5\"}")));
    }

    @Override
    protected void givenARotationUnderWay() {
        wm.stubFor(json(PREFIX + "RotateSecret").atPriority(1).willReturn(jsonError(400, "InvalidRequestException",
                "A previous rotation isn't complete. That rotation will be reattempted.")));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(json(PREFIX + iamAction.substring("secretsmanager:".length())).atPriority(1)
                .willReturn(AwsWireFixture.jsonRefusal(refusal, iamAction, ARN)));
    }

    @Override
    protected String valueStored(String secretId) {
        List<LoggedRequest> writes = wm.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", matching(PREFIX + "(PutSecretValue|CreateSecret)")));
        for (int i = writes.size() - 1; i >= 0; i--) {
            try {
                JsonNode body = JSON.readTree(writes.get(i).getBodyAsString());
                JsonNode id = body.has("SecretId") ? body.get("SecretId") : body.get("Name");
                if (secretId.equals(id.asText())) {
                    return body.get("SecretString").asText();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("nothing was written to " + secretId);
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }
}
