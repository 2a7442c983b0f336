package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class AwsSecretsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String SECRET = "t-developer/production/api-keys";
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
}
