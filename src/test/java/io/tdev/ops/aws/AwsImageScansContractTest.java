package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.port.ImageScans;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.ImageScansContract;
import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link ImageScansContract} on {@link AwsImageScans} (ECR, JSON 1.1), and what only the wire shows. */
class AwsImageScansContractTest extends ImageScansContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String REPO = "t-developer-backend-production";
    private static final String DESCRIBE = "AmazonEC2ContainerRegistry_V20150921.DescribeImageScanFindings";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private AwsImageScans scans;

    @BeforeEach
    void setUp() {
        scans = new AwsImageScans(aws.client(EcrClient.builder()), new Polling(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(15), slept::add, progress::add));
    }

    private static String status(String status) {
        return "{\"registryId\":\"123456789012\",\"repositoryName\":\"" + REPO + "\",\"imageId\":{\"imageDigest\":"
                + "\"sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6\",\"imageTag\":\"v1.8.0\"},"
                + "\"imageScanStatus\":{\"status\":\"" + status + "\",\"description\":\"" + status + "\"}";
    }

    private static final String COMPLETE = status("COMPLETE") + ",\"imageScanFindings\":{\"findings\":[{\"name\":\"CVE-2019-5188\","
            + "\"description\":\"A code execution vulnerability exists in the directory rehashing functionality of E2fsprogs.\","
            + "\"uri\":\"https://security-tracker.debian.org/tracker/CVE-2019-5188\",\"severity\":\"MEDIUM\",\"attributes\":["
            + "{\"key\":\"package_version\",\"value\":\"1.44.5-1+deb10u2\"},{\"key\":\"package_name\",\"value\":\"e2fsprogs\"}]}],"
            + "\"imageScanCompletedAt\":1764151200,\"vulnerabilitySourceUpdatedAt\":1764100000,"
            + "\"findingSeverityCounts\":{\"MEDIUM\":1,\"HIGH\":2,\"CRITICAL\":1}}}";

    @Test
    void startScanSendsTheRepositoryAndTag() {
        wm.stubFor(json("AmazonEC2ContainerRegistry_V20150921.StartImageScan").willReturn(jsonOk(status("IN_PROGRESS") + "}")));

        scans.startScan(REPO, "v1.8.0");

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"repositoryName\":\"" + REPO + "\",\"imageId\":{\"imageTag\":\"v1.8.0\"}}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "ImageScans.startScan");
    }

    @Test
    void startScanOfAnImageScannedTodayUsesThatScan() {
        wm.stubFor(json("AmazonEC2ContainerRegistry_V20150921.StartImageScan").willReturn(jsonError(400,
                "LimitExceededException", "The scan quota per image has been exceeded. Wait and try again.")));

        scans.startScan(REPO, "v1.8.0");

        assertThat(progress).anyMatch(l -> l.contains("scanned within the last day"));
    }

    @Test
    void findingsWaitWhileInProgressThenCountBySeverity() {
        aws.sequence(() -> json(DESCRIBE), jsonOk(status("IN_PROGRESS") + "}"), jsonOk(status("IN_PROGRESS") + "}"), jsonOk(COMPLETE));

        ImageScanFindings findings = scans.findings(REPO, "v1.8.0");

        assertThat(findings.status()).isEqualTo("COMPLETE");
        assertThat(findings.counts()).isEqualTo(Map.of(Severity.MEDIUM, 1, Severity.HIGH, 2, Severity.CRITICAL, 1));
        assertThat(findings.countAtLeast(Severity.HIGH)).isEqualTo(3);
        assertThat(findings.completedAt()).isEqualTo(Instant.ofEpochSecond(1764151200));
        assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(progress).anyMatch(l -> l.contains("waiting for the ECR scan of " + REPO + ":v1.8.0") && l.contains("of 15s"));
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE))
                .withRequestBody(equalToJson("{\"repositoryName\":\"" + REPO + "\",\"imageId\":{\"imageTag\":\"v1.8.0\"}}")));
        AwsActionsAssert.sentOnlyDeclared(aws, "ImageScans.findings");
    }

    @Test
    void aScanOutlastingTheWaitIsReturnedInProgress() {
        wm.stubFor(json(DESCRIBE).willReturn(jsonOk(status("IN_PROGRESS") + "}")));

        ImageScanFindings findings = scans.findings(REPO, "v1.8.0");

        assertThat(findings.status()).isEqualTo("IN_PROGRESS");
        assertThat(findings.counts()).isEmpty();
        assertThat(slept).hasSize(3);
        wm.verify(exactly(4), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void byDefaultFindingsLookOnceAndLeaveTheWaitingToTheCaller() {
        wm.stubFor(json(DESCRIBE).willReturn(jsonOk(status("IN_PROGRESS") + "}")));

        ImageScanFindings findings = new AwsImageScans(aws.client(EcrClient.builder())).findings(REPO, "v1.8.0");

        assertThat(findings.status()).isEqualTo("IN_PROGRESS");
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void enhancedFindingsAreCountedOverEveryPage() {
        String finding = "{\"awsAccountId\":\"123456789012\",\"findingArn\":\"arn:aws:inspector2:eu-west-1:123456789012:finding/%s\","
                + "\"title\":\"CVE-2023-%s - openssl\",\"type\":\"PACKAGE_VULNERABILITY\",\"status\":\"ACTIVE\",\"severity\":\"%s\","
                + "\"score\":7.5,\"firstObservedAt\":1764100000,\"lastObservedAt\":1764150000}";
        wm.stubFor(json(DESCRIBE).withRequestBody(matchingJsonPath("$.nextToken", absent())).willReturn(jsonOk(status("ACTIVE")
                + ",\"imageScanFindings\":{\"enhancedFindings\":[" + String.format(finding, "a1", "0001", "HIGH") + ","
                + String.format(finding, "a2", "0002", "CRITICAL") + "],\"findingSeverityCounts\":{}},\"nextToken\":\"page-2\"}")));
        wm.stubFor(json(DESCRIBE).withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2"))).willReturn(jsonOk(status("ACTIVE")
                + ",\"imageScanFindings\":{\"enhancedFindings\":[" + String.format(finding, "a3", "0003", "HIGH") + ","
                + String.format(finding, "a4", "0004", "UNTRIAGED") + "]}}")));

        ImageScanFindings findings = scans.findings(REPO, "v1.8.0");

        assertThat(findings.status()).isEqualTo("ACTIVE");
        assertThat(findings.counts()).isEqualTo(Map.of(Severity.HIGH, 2, Severity.CRITICAL, 1, Severity.UNDEFINED, 1));
        assertThat(slept).isEmpty();
    }

    @Test
    void findingsThrottledTwiceThenOk() {
        aws.faultsThenOk(() -> json(DESCRIBE), 2, jsonError(400, "ThrottlingException", "Rate exceeded"), jsonOk(COMPLETE));

        assertThat(scans.findings(REPO, "v1.8.0").status()).isEqualTo("COMPLETE");
    }

    @Test
    void findingsServerErrorThenOk() {
        aws.faultsThenOk(() -> json(DESCRIBE), 1, jsonError(500, "ServerException", "internal"), jsonOk(COMPLETE));

        assertThat(scans.findings(REPO, "v1.8.0").status()).isEqualTo("COMPLETE");
    }

    @Test
    void findingsReadTimeoutThenOk() {
        aws.faultsThenOk(() -> json(DESCRIBE), 1, AwsWireFixture.delayed(jsonOk(COMPLETE)), jsonOk(COMPLETE));

        assertThat(scans.findings(REPO, "v1.8.0").status()).isEqualTo("COMPLETE");
    }

    @Test
    void accessDeniedNamesTheActionAndTheRepository() {
        String arn = "arn:aws:ecr:eu-west-1:123456789012:repository/" + REPO;
        wm.stubFor(json(DESCRIBE).willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("ecr:DescribeImageScanFindings", arn))));

        assertThatThrownBy(() -> scans.findings(REPO, "v1.8.0"))
                .isInstanceOfSatisfying(RemoteFailureException.class, e ->
                        assertThat(e.getMessage()).contains("access denied", "ecr:DescribeImageScanFindings", arn));
    }

    // ---- the contract's world, as ECR answers it

    private static final String ECR = "AmazonEC2ContainerRegistry_V20150921.";

    @Override
    protected ImageScans imageScans() {
        return scans;
    }

    @Override
    protected void givenScannedImages() {
        wm.stubFor(json(DESCRIBE).atPriority(6).withRequestBody(matchingJsonPath("$.imageId.imageTag", equalTo(TAG)))
                .willReturn(jsonOk(status("COMPLETE").replace("v1.8.0", TAG) + ",\"imageScanFindings\":{\"findings\":[],"
                        + "\"imageScanCompletedAt\":1764140400,\"vulnerabilitySourceUpdatedAt\":1764100000,"
                        + "\"findingSeverityCounts\":{\"MEDIUM\":2,\"LOW\":5,\"INFORMATIONAL\":3}}}")));
        wm.stubFor(json(ECR + "DescribeImages").atPriority(6).withRequestBody(matchingJsonPath("$.repositoryName", equalTo(REPO)))
                .withRequestBody(matchingJsonPath("$[?(!@.nextToken)]"))
                .willReturn(jsonOk(images(42, 39, "page-2"))));
        wm.stubFor(json(ECR + "DescribeImages").atPriority(6).withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
                .willReturn(jsonOk(images(38, 35, null))));
        wm.stubFor(json(ECR + "DescribeImages").atPriority(6)
                .withRequestBody(matchingJsonPath("$.repositoryName", equalTo("t-developer-gone")))
                .willReturn(jsonError(400, "RepositoryNotFoundException", "The repository with name 't-developer-gone' does not "
                        + "exist in the registry with id '123456789012'")));
        wm.stubFor(json(ECR + "StartImageScan").atPriority(6).willReturn(jsonError(400, "LimitExceededException",
                "The scan quota per image has been exceeded. Wait and try again.")));
    }

    /** ECR before the first scan of {@code tag}: ScanNotFoundException; StartImageScan starts one (IN_PROGRESS). */
    @Override
    protected void givenNeverScanned(String tag) {
        String describe = DESCRIBE;
        wm.stubFor(json(describe).atPriority(2).withRequestBody(matchingJsonPath("$.imageId.imageTag", equalTo(tag)))
                .inScenario("first scan").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(jsonError(400, "ScanNotFoundException", "Image scan does not exist for image with "
                        + "'{imageDigest:'null', imageTag:'" + tag + "'}' in the registry with id '123456789012'")));
        wm.stubFor(json(ECR + "StartImageScan").atPriority(2).withRequestBody(matchingJsonPath("$.imageId.imageTag", equalTo(tag)))
                .inScenario("first scan").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("scanning")
                .willReturn(jsonOk(status("IN_PROGRESS").replace("v1.8.0", tag) + "}")));
        wm.stubFor(json(describe).atPriority(2).withRequestBody(matchingJsonPath("$.imageId.imageTag", equalTo(tag)))
                .inScenario("first scan").whenScenarioStateIs("scanning")
                .willReturn(jsonOk(status("IN_PROGRESS").replace("v1.8.0", tag) + "}")));
    }

    /** Images of revisions {@code newest} down to {@code oldest}, pushed a day apart, in ECR's (unsorted) order. */
    private static String images(int newest, int oldest, String nextToken) {
        List<String> details = new ArrayList<>();
        for (int r = oldest; r <= newest; r++) {
            details.add("{\"registryId\":\"123456789012\",\"repositoryName\":\"" + REPO + "\",\"imageDigest\":\"sha256:"
                    + String.format("%064x", r) + "\",\"imageTags\":[\"2.0." + r + "\"],\"imageSizeInBytes\":" + (180_000_000 + r)
                    + ",\"imagePushedAt\":" + (1760000000L + 86_400L * r) + ",\"imageManifestMediaType\":"
                    + "\"application/vnd.docker.distribution.manifest.v2+json\",\"artifactMediaType\":"
                    + "\"application/vnd.docker.container.image.v1+json\"}");
        }
        return "{\"imageDetails\":[" + String.join(",", details) + "]" + (nextToken != null ? ",\"nextToken\":\"" + nextToken + "\"" : "")
                + "}";
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(json(ECR + iamAction.substring("ecr:".length())).atPriority(1).willReturn(AwsWireFixture.jsonRefusal(refusal,
                iamAction, "arn:aws:ecr:eu-west-1:123456789012:repository/" + REPO)));
    }
}
