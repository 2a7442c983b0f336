package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 reads of dr-check: the newest objects and their replication status, on the wire. */
class AwsStorageReplicationTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String BUCKET = "t-developer-projects-production";
    private static final String TOKEN = "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsStorage storage;

    @BeforeEach
    void setUp() {
        storage = new AwsStorage(aws.s3(), aws.client(CloudWatchClient.builder()),
                Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC));
    }

    private static String listing(String nextToken, String... contents) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>" + BUCKET + "</Name><Prefix></Prefix><KeyCount>" + contents.length + "</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + (nextToken != null) + "</IsTruncated>"
                + (nextToken != null ? "<NextContinuationToken>" + nextToken + "</NextContinuationToken>" : "")
                + String.join("", contents) + "</ListBucketResult>";
    }

    private static String object(String key, String lastModified) {
        return "<Contents><Key>" + key + "</Key><LastModified>" + lastModified + "</LastModified>"
                + "<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>1024</Size>"
                + "<StorageClass>STANDARD</StorageClass></Contents>";
    }

    @Test
    void newestObjectsReadsEveryPageAndKeepsTheNewest() {
        wm.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("continuation-token", absent()).willReturn(xmlOk(listing(TOKEN,
                        object("projects/a/project.zip", "2026-11-20T10:00:00.000Z"),
                        object("projects/b/project.zip", "2026-11-26T08:00:00.000Z")))));
        wm.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("continuation-token", equalTo(TOKEN))
                .willReturn(xmlOk(listing(null, object("projects/c/project.zip", "2026-11-25T12:00:00.000Z"),
                        object("projects/d/project.zip", "2026-11-01T12:00:00.000Z")))));

        List<StoredObject> newest = storage.newestObjects(BUCKET, 2);

        assertThat(newest).extracting(StoredObject::key).containsExactly("projects/b/project.zip", "projects/c/project.zip");
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/" + BUCKET)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.newestObjects");
    }

    @Test
    void objectReplicationStatusIsTheHeadObjectHeaderAndEmptyWithoutOne() {
        wm.stubFor(head(urlEqualTo("/" + BUCKET + "/projects/b/project.zip")).willReturn(aResponse().withStatus(200)
                .withHeader("x-amz-replication-status", "COMPLETED").withHeader("Content-Length", "1024")
                .withHeader("Last-Modified", "Thu, 26 Nov 2026 08:00:00 GMT")));
        wm.stubFor(head(urlEqualTo("/" + BUCKET + "/projects/old/project.zip")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "1024")));

        assertThat(storage.objectReplicationStatus(BUCKET, "projects/b/project.zip")).contains("COMPLETED");
        assertThat(storage.objectReplicationStatus(BUCKET, "projects/old/project.zip")).isEmpty();
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.objectReplicationStatus");
    }

    @Test
    void aThrottledHeadObjectIsRetriedThenAnswers() {
        aws.faultsThenOk(() -> head(urlEqualTo("/" + BUCKET + "/projects/b/project.zip")), 1,
                aResponse().withStatus(503).withHeader("x-amz-request-id", "4442587FB7D0A2F9"),
                aResponse().withStatus(200).withHeader("x-amz-replication-status", "FAILED"));

        assertThat(storage.objectReplicationStatus(BUCKET, "projects/b/project.zip")).contains("FAILED");
        wm.verify(exactly(2), headRequestedFor(urlEqualTo("/" + BUCKET + "/projects/b/project.zip")));
    }

    @Test
    void accessDeniedNamesTheActionAndTheObject() {
        wm.stubFor(head(urlEqualTo("/" + BUCKET + "/projects/b/project.zip")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> storage.objectReplicationStatus(BUCKET, "projects/b/project.zip"))
                .isInstanceOf(RemoteFailureException.class).hasMessageContaining("s3:GetObject")
                .hasMessageContaining("s3://" + BUCKET + "/projects/b/project.zip");
    }
}
