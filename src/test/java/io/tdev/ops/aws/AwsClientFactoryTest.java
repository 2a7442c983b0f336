package io.tdev.ops.aws;

import io.tdev.ops.api.ToolVersion;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.ACCESS_KEY_ID;
import static io.tdev.ops.aws.AwsWireFixture.SECRET_ACCESS_KEY;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientFactoryTest {
    private static final String DESCRIBE_CLUSTERS = "AmazonEC2ContainerServiceV20141113.DescribeClusters";

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static AwsSettings settings(String region, String profile, String roleArn, String externalId, String accessKey,
                                        String secret, String retryMode, Integer maxAttempts) {
        return new AwsSettings(region, profile, roleArn, externalId, wm.baseUrl(), accessKey, secret, null,
                Duration.ofSeconds(10), Duration.ofSeconds(2), retryMode, maxAttempts);
    }

    private static AwsClientFactory factory(AwsSettings s) {
        return AwsClientFactory.create(s, null, BackoffStrategy.retryImmediately());
    }

    private static void describeClusters(AwsClientFactory f) {
        f.ecs().describeClusters(b -> b.clusters("t-developer-cluster-production"));
    }

    @Test
    void everyClientGoesToTheEndpointOverrideWithTheUserAgentSuffix() {
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonOk("{\"clusters\": [], \"failures\": []}")));
        try (AwsClientFactory f = factory(AwsWireFixture.settings(wm.baseUrl()))) {
            describeClusters(f);
        }

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(DESCRIBE_CLUSTERS))
                .withHeader("User-Agent", containing("tdev-ops/" + ToolVersion.current()))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/\\d{8}/eu-west-1/ecs/aws4_request.*")));
    }

    @Test
    void theVersionComesFromTheMavenFilteredResource() {
        assertThat(ToolVersion.current()).isNotBlank().doesNotContain("${").isNotEqualTo("dev");
        assertThat(AwsClientFactory.userAgentSuffix()).isEqualTo("tdev-ops/" + ToolVersion.current());
    }

    @Test
    void s3UsesPathStyleAddressingAgainstAnEndpoint() {
        wm.stubFor(get(urlPathEqualTo("/t-developer-projects-production")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                          <Name>t-developer-projects-production</Name><Prefix></Prefix><KeyCount>0</KeyCount>
                          <MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>
                        </ListBucketResult>""")));
        try (AwsClientFactory f = factory(AwsWireFixture.settings(wm.baseUrl()))) {
            f.s3().listObjectsV2(b -> b.bucket("t-developer-projects-production"));
        }

        wm.verify(getRequestedFor(urlPathEqualTo("/t-developer-projects-production"))
                .withQueryParam("list-type", equalTo("2"))
                .withHeader("User-Agent", containing("tdev-ops/")));
    }

    @Test
    void theRegionOfTheEnvironmentConfigAppliesWhenTheSettingsGiveNone() {
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonOk("{\"clusters\": [], \"failures\": []}")));
        try (AwsClientFactory f = AwsClientFactory.create(settings(null, null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
                null, null), "eu-central-1", BackoffStrategy.retryImmediately())) {
            assertThat(f.region().id()).isEqualTo("eu-central-1");
            describeClusters(f);
        }

        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("Authorization", matching(".*/eu-central-1/ecs/aws4_request.*")));
    }

    @Test
    void maxAttemptsIsHonoured() {
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonError(500, "ServerException", "Internal error")));
        try (AwsClientFactory f = factory(settings("eu-west-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, "standard", 5))) {
            assertThatThrownBy(() -> AwsCall.exec("ecs:DescribeClusters", () -> describeClusters(f)))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("after 5 attempts");
        }
        wm.verify(5, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")));
        try (AwsClientFactory f = factory(settings("eu-west-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, "standard", 1))) {
            assertThatThrownBy(() -> AwsCall.exec("ecs:DescribeClusters", () -> describeClusters(f)))
                    .hasMessageContaining("ecs:DescribeClusters was throttled");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void adaptiveModeRetriesThrottlingToo() {
        faultsThenOk(wm, () -> json(DESCRIBE_CLUSTERS), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"clusters\": [], \"failures\": []}"));
        try (AwsClientFactory f = factory(settings("eu-west-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, "adaptive", 3))) {
            describeClusters(f);
        }
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void staticCredentialsNeverShowInToStringOrFailureMessages() {
        // nothing listens on port 1: the call fails on the client side after its retries
        AwsSettings s = new AwsSettings("eu-west-1", null, null, null, "http://127.0.0.1:1", ACCESS_KEY_ID, SECRET_ACCESS_KEY,
                "FwoGZXIvYXdzEXAMPLESESSIONTOKEN", Duration.ofSeconds(5), Duration.ofSeconds(1), "standard", 2);
        try (AwsClientFactory f = factory(s)) {
            assertThat(s.toString()).doesNotContain(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "FwoGZXIvYXdzEXAMPLESESSIONTOKEN");
            assertThat(f.toString()).doesNotContain(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "FwoGZXIvYXdzEXAMPLESESSIONTOKEN");
            assertThatThrownBy(() -> AwsCall.exec("ecs:DescribeClusters", () -> describeClusters(f)))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                    .satisfies(e -> assertThat(e.getMessage()).startsWith("ecs:DescribeClusters failed")
                            .doesNotContain(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "FwoGZXIvYXdzEXAMPLESESSIONTOKEN"));
        }
    }

    @Test
    void aRoleArnIsAssumedThroughStsWithTheExternalIdAndItsCredentialsSignTheCalls() {
        wm.stubFor(query("AssumeRole").willReturn(xmlOk("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::123456789012:assumed-role/tdev-ops-deployer/tdev-ops</Arn>
                      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:tdev-ops</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>ASIAJEXAMPLEXEG2JICEA</AccessKeyId>
                      <SecretAccessKey>9drTJvcXLB89EXAMPLELB8923FB892xMFI</SecretAccessKey>
                      <SessionToken>AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZyeEXAMPLE</SessionToken>
                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                    </Credentials>
                    <PackedPolicySize>6</PackedPolicySize>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>""")));
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonOk("{\"clusters\": [], \"failures\": []}")));
        String role = "arn:aws:iam::123456789012:role/tdev-ops-deployer";

        try (AwsClientFactory f = factory(settings("eu-west-1", null, role, "tdev-ext-42", ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, null))) {
            assertThat(f.credentialsProvider()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
            describeClusters(f);
        }

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", matching(".*Credential=" + ACCESS_KEY_ID + "/\\d{8}/eu-west-1/sts/aws4_request.*"))
                .withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=" + role.replace(":", "%3A").replace("/", "%2F")))
                .withRequestBody(containing("RoleSessionName=tdev-ops"))
                .withRequestBody(containing("ExternalId=tdev-ext-42")));
        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(DESCRIBE_CLUSTERS))
                .withHeader("Authorization", matching(".*Credential=ASIAJEXAMPLEXEG2JICEA/.*"))
                .withHeader("X-Amz-Security-Token", equalTo("AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZyeEXAMPLE")));
    }

    @Test
    void aCallerSuppliedProviderIsAskedAtEveryCallSoRotatedKeysSignTheNextCall() {
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonOk("{\"clusters\": [], \"failures\": []}")));
        // as Jenkins' AmazonWebServicesCredentials does: each resolve may return new (session) keys
        List<AwsCredentials> issued = List.of(
                AwsSessionCredentials.create("ASIAFIRSTEXAMPLE0001", "firstSecretEXAMPLEKEYfirstSecretEXAMPLE", "token-1"),
                AwsSessionCredentials.create("ASIASECONDEXAMPLE002", "secondSecretEXAMPLEKEYsecondSecretEXAMP", "token-2"));
        AtomicInteger asked = new AtomicInteger();
        AwsCredentialsProvider jenkins = () -> issued.get(Math.min(asked.getAndIncrement(), 1));

        try (AwsClientFactory f = AwsClientFactory.create(settings("eu-west-1", null, null, null, null, null, null, null),
                jenkins, null, BackoffStrategy.retryImmediately())) {
            assertThat(f.credentialsProvider()).isSameAs(jenkins);
            describeClusters(f);
            describeClusters(f);
        }

        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", matching(".*Credential=ASIAFIRSTEXAMPLE0001/.*"))
                .withHeader("X-Amz-Security-Token", equalTo("token-1")));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", matching(".*Credential=ASIASECONDEXAMPLE002/.*"))
                .withHeader("X-Amz-Security-Token", equalTo("token-2")));
    }

    @Test
    void aCallerSuppliedProviderExcludesStaticKeysAndProfiles() {
        AwsCredentialsProvider jenkins = () -> AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        assertThatThrownBy(() -> AwsClientFactory.create(
                settings("eu-west-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, null), jenkins, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("accessKeyId");
        assertThatThrownBy(() -> AwsClientFactory.create(
                settings("eu-west-1", "tdev-ci", null, null, null, null, null, null), jenkins, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("profile");
    }

    @Test
    void aProfileSuppliesTheCredentials(@TempDir Path dir) throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, """
                [tdev-ci]
                aws_access_key_id = AKIAPROFILEEXAMPLE01
                aws_secret_access_key = profileSecretEXAMPLEKEYprofileSecretEXAM
                """);
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile tdev-ci]\nregion = ap-northeast-2\n");
        wm.stubFor(json(DESCRIBE_CLUSTERS).willReturn(jsonOk("{\"clusters\": [], \"failures\": []}")));
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        String oldConfig = System.setProperty("aws.configFile", config.toString());
        try (AwsClientFactory f = factory(settings(null, "tdev-ci", null, null, null, null, null, null))) {
            assertThat(f.region().id()).isEqualTo("ap-northeast-2");
            describeClusters(f);
        } finally {
            restore("aws.sharedCredentialsFile", oldCredentials);
            restore("aws.configFile", oldConfig);
        }

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", matching(".*Credential=AKIAPROFILEEXAMPLE01/\\d{8}/ap-northeast-2/ecs/aws4_request.*"))
                .withHeader("X-Amz-Security-Token", absent()));
    }

    private static void restore(String key, String old) {
        if (old == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, old);
        }
    }

    @Test
    void eachClientIsBuiltOnceAndClosedWithTheFactory() {
        AwsClientFactory f = factory(AwsWireFixture.settings(wm.baseUrl()));
        var ecs = f.ecs();
        assertThat(f.ecs()).isSameAs(ecs);
        assertThat(f.cloudWatch()).isSameAs(f.cloudWatch());
        assertThat(f.hasOpenClients()).isTrue();

        f.close();

        assertThat(f.hasOpenClients()).isFalse();
        assertThatThrownBy(() -> ecs.describeClusters(b -> b.clusters("c"))).isInstanceOf(RuntimeException.class);
        wm.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void badSettingsAreInvalidInputNamingTheFieldAndAllowedValues() {
        assertThatThrownBy(() -> factory(settings("eu-west-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, "fast", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("retryMode: got 'fast'; allowed values: standard, adaptive");
        assertThatThrownBy(() -> factory(settings("eu-west-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, 0)))
                .hasMessageStartingWith("maxAttempts: must be 1..20");
        assertThatThrownBy(() -> factory(settings("Mars-1", null, null, null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, null)))
                .hasMessageStartingWith("region: got 'Mars-1'");
        assertThatThrownBy(() -> factory(settings("eu-west-1", null, null, "ext", ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, null)))
                .hasMessageStartingWith("externalId: is only used with roleArn");
        assertThatThrownBy(() -> factory(settings("eu-west-1", null, "not-an-arn", null, ACCESS_KEY_ID, SECRET_ACCESS_KEY, null, null)))
                .hasMessageStartingWith("roleArn: got 'not-an-arn'");
        assertThatThrownBy(() -> factory(settings("eu-west-1", null, null, null, ACCESS_KEY_ID, null, null, null)))
                .hasMessageStartingWith("secretAccessKey: must be given with accessKeyId")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ACCESS_KEY_ID));
        assertThatThrownBy(() -> AwsClientFactory.create(new AwsSettings("eu-west-1", null, null, null, "localhost:4566",
                null, null, null, null, null, null, null), null))
                .hasMessageStartingWith("endpointUrl: got 'localhost:4566'");
        for (String bad : List.of("PT0S", "-PT1S")) {
            assertThatThrownBy(() -> AwsClientFactory.create(new AwsSettings("eu-west-1", null, null, null, null,
                    null, null, null, Duration.parse(bad), null, null, null), null))
                    .hasMessageStartingWith("apiCallTimeout: must be more than 0");
        }
    }
}
