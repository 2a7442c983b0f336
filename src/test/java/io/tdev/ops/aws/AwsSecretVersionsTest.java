package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Secrets Manager calls of rotate-secret, security-check and the lockdown's saved policy, over the wire. */
class AwsSecretVersionsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String SECRET = "t-developer/production/api-keys";
    private static final String BACKUP = "t-developer/production/bucket-policy-backup";
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + SECRET + "-a1b2c3";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsSecrets secrets;

    @BeforeEach
    void setUp() {
        secrets = new AwsSecrets(aws.client(SecretsManagerClient.builder()));
    }

    private static String version(String id, String stages, long created) {
        return "{\"VersionId\":\"" + id + "\",\"VersionStages\":[" + stages + "],\"CreatedDate\":" + created
                + ",\"LastAccessedDate\":1764028800,\"KmsKeyIds\":[\"DefaultEncryptionKey\"]}";
    }

    @Test
    void statusReadsDescribeSecretAndEveryPageOfVersions() {
        wm.stubFor(json("secretsmanager.DescribeSecret").willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET
                + "\",\"RotationEnabled\":true,\"RotationLambdaARN\":\"arn:aws:lambda:eu-west-1:123456789012:function:rot\","
                + "\"LastRotatedDate\":1764064800,\"LastChangedDate\":1764064801}")));
        aws.sequence(() -> json("secretsmanager.ListSecretVersionIds"),
                jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET + "\",\"Versions\":[" + version("v1", "\"AWSPREVIOUS\"",
                        1756000000) + "],\"NextToken\":\"page-2\"}"),
                jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET + "\",\"Versions\":[" + version("v2", "\"AWSCURRENT\"",
                        1764064800) + "," + version("v3", "\"AWSPENDING\"", 1764068400) + "]}"));

        SecretStatus status = secrets.status(SECRET);

        assertThat(status).isEqualTo(new SecretStatus(SECRET, true, Instant.ofEpochSecond(1764064800), "v2",
                Instant.ofEpochSecond(1764064800), "v1", "v3"));
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("secretsmanager.ListSecretVersionIds")).withRequestBody(equalToJson("{\"SecretId\":\"" + SECRET
                + "\",\"NextToken\":\"page-2\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.status");
    }

    @Test
    void putRandomValueSendsAFreshValueAndNeverReturnsOrLogsIt() {
        wm.stubFor(json("secretsmanager.PutSecretValue").willReturn(jsonOk("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET
                + "\",\"VersionId\":\"v4\",\"VersionStages\":[\"AWSCURRENT\"]}")));

        String first = secrets.putRandomValue(SECRET);
        String second = secrets.putRandomValue(SECRET);

        assertThat(first).isEqualTo("v4").isEqualTo(second);
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/")));
        List<String> values = sent.stream().map(r -> r.getBodyAsString().replaceAll(".*\"SecretString\":\"([^\"]+)\".*", "$1"))
                .toList();
        assertThat(values).hasSize(2).doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).matches("[A-Za-z0-9_-]{43}"));
        assertThat(sent).allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("VersionStages")
                .contains("\"ClientRequestToken\""));
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.putRandomValue");
    }

    @Test
    void aFailedPutNamesTheActionButNeverTheValue() {
        wm.stubFor(json("secretsmanager.PutSecretValue").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("secretsmanager:PutSecretValue", ARN))));

        Throwable thrown = catchThrowable(() -> secrets.putRandomValue(SECRET));

        String value = wm.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString()
                .replaceAll(".*\"SecretString\":\"([^\"]+)\".*", "$1");
        assertThat(thrown).isInstanceOf(RemoteFailureException.class).hasMessageContaining("access denied")
                .hasMessageContaining("secretsmanager:PutSecretValue");
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(value);
    }

    @Test
    void putThrottledTwiceThenOk() {
        aws.faultsThenOk(() -> json("secretsmanager.PutSecretValue"), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"Name\":\"" + SECRET + "\",\"VersionId\":\"v4\"}"));

        assertThat(secrets.putRandomValue(SECRET)).isEqualTo("v4");
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aDocumentIsReadBackAndAMissingOneIsEmpty() {
        wm.stubFor(json("secretsmanager.GetSecretValue").willReturn(jsonOk("{\"ARN\":\"x\",\"Name\":\"" + BACKUP
                + "\",\"VersionId\":\"d1\",\"SecretString\":\"tdev-ops bucket policy backup v1\\nstate: LOCKED_DOWN\","
                + "\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1764064800}")));

        assertThat(secrets.readDocument(BACKUP)).contains("tdev-ops bucket policy backup v1\nstate: LOCKED_DOWN");
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.readDocument");
        wm.resetAll();
        wm.stubFor(json("secretsmanager.GetSecretValue").willReturn(jsonError(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")));
        assertThat(secrets.readDocument(BACKUP)).isEqualTo(Optional.empty());
    }

    @Test
    void writingADocumentCreatesTheSecretWhenItDoesNotExist() {
        wm.stubFor(json("secretsmanager.PutSecretValue").willReturn(jsonError(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")));
        wm.stubFor(json("secretsmanager.CreateSecret").willReturn(jsonOk("{\"ARN\":\"x\",\"Name\":\"" + BACKUP
                + "\",\"VersionId\":\"d1\"}")));

        secrets.writeDocument(BACKUP, "saved", "why");

        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.CreateSecret"))
                .withRequestBody(equalToJson("{\"Name\":\"" + BACKUP + "\",\"Description\":\"why\",\"SecretString\":\"saved\","
                        + "\"ClientRequestToken\":\"${json-unit.any-string}\"}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Secrets.writeDocument");
    }

    @Test
    void writingAnExistingDocumentPutsANewVersion() {
        wm.stubFor(json("secretsmanager.PutSecretValue").willReturn(jsonOk("{\"Name\":\"" + BACKUP + "\",\"VersionId\":\"d2\"}")));

        secrets.writeDocument(BACKUP, "saved again", "why");

        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"SecretId\":\"" + BACKUP
                + "\",\"SecretString\":\"saved again\",\"ClientRequestToken\":\"${json-unit.any-string}\"}")));
    }

    @Test
    void readingADocumentDeniedNamesTheAction() {
        wm.stubFor(json("secretsmanager.GetSecretValue").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + BACKUP))));

        assertThat(catchThrowable(() -> secrets.readDocument(BACKUP))).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("secretsmanager:GetSecretValue");
    }
}
