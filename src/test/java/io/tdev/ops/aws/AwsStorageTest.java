package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ReplicationStatus;
import io.tdev.ops.model.StorageUsage;
import io.tdev.ops.model.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.delayed;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.restXmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsStorageTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String BUCKET = "t-developer-projects-production";
    private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsStorage storage;

    @BeforeEach
    void setUp() {
        storage = new AwsStorage(aws.s3(), aws.client(CloudWatchClient.builder()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String metricData(String bytesPoints, String objectPoints) {
        return "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults>"
                + "<member><Id>bytes</Id><Label>BucketSizeBytes</Label><StatusCode>Complete</StatusCode>" + bytesPoints + "</member>"
                + "<member><Id>objects</Id><Label>NumberOfObjects</Label><StatusCode>Complete</StatusCode>" + objectPoints + "</member>"
                + "</MetricDataResults><Messages/></GetMetricDataResult>"
                + "<ResponseMetadata><RequestId>3f1e2a8b-0c4d-4e5f-9a6b-7c8d9e0f1a2b</RequestId></ResponseMetadata></GetMetricDataResponse>";
    }

    private static String points(String... timestampValue) {
        StringBuilder ts = new StringBuilder("<Timestamps>");
        StringBuilder vs = new StringBuilder("<Values>");
        for (int i = 0; i < timestampValue.length; i += 2) {
            ts.append("<member>").append(timestampValue[i]).append("</member>");
            vs.append("<member>").append(timestampValue[i + 1]).append("</member>");
        }
        return ts.append("</Timestamps>").toString() + vs.append("</Values>");
    }

    private static String listing(String nextToken, String... contents) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>" + BUCKET + "</Name><Prefix></Prefix><KeyCount>" + contents.length + "</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + (nextToken != null) + "</IsTruncated>"
                + (nextToken != null ? "<NextContinuationToken>" + nextToken + "</NextContinuationToken>" : "")
                + String.join("", contents) + "</ListBucketResult>";
    }

    private static String object(String key, long size, String lastModified) {
        return "<Contents><Key>" + key + "</Key><LastModified>" + lastModified + "</LastModified>"
                + "<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>" + size
                + "</Size><StorageClass>STANDARD</StorageClass></Contents>";
    }

    private void stubTwoListingPages() {
        wm.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("continuation-token", absent())
                .willReturn(xmlOk(listing("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=",
                        object("projects/p-17/app.zip", 1_048_576, "2026-11-10T12:00:00.000Z"),
                        object("projects/p-18/app.zip", 2_048, "2026-11-25T08:00:00.000Z")))));
        wm.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("continuation-token", equalTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="))
                .willReturn(xmlOk(listing(null, object("projects/p-02/app.zip", 512, "2026-10-01T00:00:00.000Z")))));
    }

    @Test
    void usageComesFromTheNewestDailyStorageMetrics() {
        wm.stubFor(query("GetMetricData").willReturn(xmlOk(metricData(
                points("2026-11-25T00:00:00Z", "5.36870912E9", "2026-11-24T00:00:00Z", "5.1E9"),
                points("2026-11-25T00:00:00Z", "18234.0", "2026-11-24T00:00:00Z", "18001.0")))));

        StorageUsage usage = storage.usage(BUCKET);

        assertThat(usage.bytes()).isEqualTo(5_368_709_120L);
        assertThat(usage.objects()).isEqualTo(18_234L);
        assertThat(usage.source()).contains("CloudWatch", "2026-11-25");
        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetMetricData"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FS3"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Metric.MetricName=BucketSizeBytes"))
                .withRequestBody(containing("Value=StandardStorage"))
                .withRequestBody(containing("MetricDataQueries.member.2.MetricStat.Metric.MetricName=NumberOfObjects"))
                .withRequestBody(containing("Value=AllStorageTypes"))
                .withRequestBody(containing("Value=" + BUCKET))
                .withRequestBody(containing("MetricStat.Period=86400"))
                .withRequestBody(containing("StartTime=2026-11-23T09%3A00%3A00Z"))
                .withRequestBody(containing("EndTime=2026-11-26T09%3A00%3A00Z")));
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/" + BUCKET)))).isEmpty();
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.usage");
    }

    @Test
    void usageReadsEveryGetMetricDataPage() {
        String page1 = "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults><member><Id>bytes</Id><Label>BucketSizeBytes</Label><StatusCode>PartialData</StatusCode>"
                + points("2026-11-24T00:00:00Z", "4096.0") + "</member></MetricDataResults>"
                + "<NextToken>xEXAMPLEtoken2</NextToken><Messages/></GetMetricDataResult></GetMetricDataResponse>";
        wm.stubFor(query("GetMetricData").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("NextToken="))
                .willReturn(xmlOk(page1)));
        wm.stubFor(query("GetMetricData").withRequestBody(containing("NextToken=xEXAMPLEtoken2")).willReturn(xmlOk(metricData(
                points("2026-11-25T00:00:00Z", "8192.0"), points("2026-11-25T00:00:00Z", "3.0")))));

        StorageUsage usage = storage.usage(BUCKET);

        assertThat(usage.bytes()).isEqualTo(8192);
        assertThat(usage.objects()).isEqualTo(3);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void usageWithoutMetricDataListsEveryPageOfTheBucket() {
        wm.stubFor(query("GetMetricData").willReturn(xmlOk(metricData("<Timestamps/><Values/>", "<Timestamps/><Values/>"))));
        stubTwoListingPages();

        StorageUsage usage = storage.usage(BUCKET);

        assertThat(usage).isEqualTo(new StorageUsage(3, 1_048_576 + 2_048 + 512, "S3 ListObjectsV2 (no AWS/S3 storage metrics yet)"));
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/" + BUCKET)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.usage");
    }

    @Test
    void listedUsageStopsAtTheCapWithoutReadingAnotherPageAndSaysItIsALowerBound() {
        stubTwoListingPages();

        StorageUsage usage = storage.listedUsage(BUCKET, 2);

        assertThat(usage.truncated()).isTrue();
        assertThat(usage.objects()).isEqualTo(2);
        assertThat(usage.bytes()).isEqualTo(1_048_576 + 2_048);
        assertThat(usage.source()).contains("stopped at 2 objects", "lower bounds");
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/" + BUCKET)).withQueryParam("max-keys", equalTo("2")));
        wm.verify(exactly(0), postRequestedFor(urlEqualTo("/")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.listedUsage");
    }

    @Test
    void listedUsageUnderTheCapReadsEveryPage() {
        stubTwoListingPages();

        StorageUsage usage = storage.listedUsage(BUCKET, 1000);

        assertThat(usage).isEqualTo(new StorageUsage(3, 1_048_576 + 2_048 + 512, "S3 ListObjectsV2 (no AWS/S3 storage metrics)"));
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/" + BUCKET)).withQueryParam("max-keys", equalTo("1000")));
        assertThatThrownBy(() -> storage.listedUsage(BUCKET, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxObjects");
    }

    @Test
    void objectsOlderThanTheCutoffAcrossPages() {
        stubTwoListingPages();

        List<StoredObject> old = storage.objectsOlderThan(BUCKET, Instant.parse("2026-11-19T00:00:00Z"), 100);

        assertThat(old).containsExactly(
                new StoredObject("projects/p-17/app.zip", 1_048_576, Instant.parse("2026-11-10T12:00:00Z")),
                new StoredObject("projects/p-02/app.zip", 512, Instant.parse("2026-10-01T00:00:00Z")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.objectsOlderThan");
    }

    @Test
    void objectsOlderThanStopsListingAtTheLimit() {
        stubTwoListingPages();

        List<StoredObject> old = storage.objectsOlderThan(BUCKET, Instant.parse("2026-11-19T00:00:00Z"), 1);

        assertThat(old).extracting(StoredObject::key).containsExactly("projects/p-17/app.zip");
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/" + BUCKET)));
    }

    @Test
    void replicationReadsRulesAndDestinations() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?replication")).willReturn(xmlOk(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ReplicationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Role>arn:aws:iam::123456789012:role/t-developer-s3-replication</Role>"
                        + "<Rule><ID>projects-dr</ID><Priority>1</Priority><Filter><Prefix></Prefix></Filter><Status>Enabled</Status>"
                        + "<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication>"
                        + "<Destination><Bucket>arn:aws:s3:::t-developer-projects-dr-us-west-2</Bucket><StorageClass>STANDARD</StorageClass></Destination></Rule>"
                        + "</ReplicationConfiguration>")));

        ReplicationStatus status = storage.replication(BUCKET);

        assertThat(status.configured()).isTrue();
        assertThat(status.destinationBuckets()).containsExactly("t-developer-projects-dr-us-west-2");
        assertThat(status.ruleStatuses()).containsExactly("projects-dr: Enabled");
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.replication");
    }

    @Test
    void replicationNeverConfiguredIsAStatusNotAnError() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?replication")).willReturn(restXmlError(404,
                "ReplicationConfigurationNotFoundError", "The replication configuration was not found")));

        assertThat(storage.replication(BUCKET)).isEqualTo(new ReplicationStatus(false, List.of(), List.of()));
    }

    @Test
    void bucketPolicyIsReturnedAsItsJson() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + BUCKET + "\",\"arn:aws:s3:::" + BUCKET
                + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?policy")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(policy)));

        assertThat(storage.bucketPolicy(BUCKET)).hasValue(policy);
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.bucketPolicy");
    }

    @Test
    void noBucketPolicyIsEmpty() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?policy")).willReturn(restXmlError(404, "NoSuchBucketPolicy",
                "The bucket policy does not exist")));

        assertThat(storage.bucketPolicy(BUCKET)).isEqualTo(Optional.empty());
    }

    @Test
    void putBucketPolicySendsTheDocument() {
        wm.stubFor(put(urlEqualTo("/" + BUCKET + "?policy")).willReturn(aResponse().withStatus(204)));
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EmergencyDenyAll\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\"}]}";

        storage.putBucketPolicy(BUCKET, denyAll);

        wm.verify(putRequestedFor(urlEqualTo("/" + BUCKET + "?policy")).withRequestBody(equalToJson(denyAll)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.putBucketPolicy");
    }

    @Test
    void putBucketPolicyRefusesTextThatIsNotJsonAndSendsNothing() {
        assertThatThrownBy(() -> storage.putBucketPolicy(BUCKET, "deny everything"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("policyJson"));
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void metricsThrottledTwiceThenOk() {
        aws.faultsThenOk(() -> query("GetMetricData"), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(metricData(points("2026-11-25T00:00:00Z", "100.0"), points("2026-11-25T00:00:00Z", "1.0"))));

        assertThat(storage.usage(BUCKET).objects()).isEqualTo(1);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void listingServerErrorThenOk() {
        aws.faultsThenOk(() -> get(urlPathEqualTo("/" + BUCKET)), 1, restXmlError(500, "InternalError",
                "We encountered an internal error. Please try again."), xmlOk(listing(null, object("a", 1, "2026-01-01T00:00:00.000Z"))));

        assertThat(storage.objectsOlderThan(BUCKET, NOW, 10)).hasSize(1);
    }

    @Test
    void listingReadTimeoutThenOk() {
        aws.faultsThenOk(() -> get(urlPathEqualTo("/" + BUCKET)), 1, delayed(xmlOk(listing(null))),
                xmlOk(listing(null, object("a", 1, "2026-01-01T00:00:00.000Z"))));

        assertThat(storage.objectsOlderThan(BUCKET, NOW, 10)).hasSize(1);
    }

    @Test
    void accessDeniedNamesTheActionAndTheBucket() {
        wm.stubFor(put(urlEqualTo("/" + BUCKET + "?policy")).willReturn(restXmlError(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> storage.putBucketPolicy(BUCKET, "{}"))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("access denied", "s3:PutBucketPolicy", BUCKET);
                });
    }

    @Test
    void missingBucketNamesItAndTheConfigField() {
        wm.stubFor(get(urlPathEqualTo("/" + BUCKET)).willReturn(restXmlError(404, "NoSuchBucket", "The specified bucket does not exist")));

        assertThatThrownBy(() -> storage.objectsOlderThan(BUCKET, NOW, 10))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("s3:ListBucket").hasMessageContaining(BUCKET).hasMessageContaining("config field bucket");
    }
}
