package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.restXmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 calls of the security check and the lockdown: GetPublicAccessBlock and DeleteBucketPolicy. */
class AwsBucketSecurityTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String BUCKET = "t-developer-projects-production";
    private static final String BLOCK = "/" + BUCKET + "?publicAccessBlock";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsStorage storage;

    @BeforeEach
    void setUp() {
        storage = new AwsStorage(aws.s3(), aws.client(CloudWatchClient.builder()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder block(boolean restrict) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PublicAccessBlockConfiguration"
                        + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><BlockPublicAcls>true</BlockPublicAcls>"
                        + "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                        + "<RestrictPublicBuckets>" + restrict + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
    }

    @Test
    void publicAccessBlockReadsTheFourSettings() {
        wm.stubFor(get(urlEqualTo(BLOCK)).willReturn(block(false)));

        assertThat(storage.publicAccessBlock(BUCKET)).contains(new PublicAccessBlock(true, true, true, false));
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(BLOCK)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.publicAccessBlock");
    }

    @Test
    void aBucketWithoutSettingsOfItsOwnIsEmptyNotAFailure() {
        wm.stubFor(get(urlEqualTo(BLOCK)).willReturn(restXmlError(404, "NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found")));

        assertThat(storage.publicAccessBlock(BUCKET)).isEqualTo(Optional.empty());
    }

    @Test
    void publicAccessBlockThrottledThenOk() {
        aws.faultsThenOk(() -> get(urlEqualTo(BLOCK)), 2, restXmlError(503, "SlowDown", "Please reduce your request rate."),
                block(true));

        assertThat(storage.publicAccessBlock(BUCKET).orElseThrow().allBlocked()).isTrue();
        wm.verify(exactly(3), getRequestedFor(urlEqualTo(BLOCK)));
    }

    @Test
    void publicAccessBlockAccessDeniedNamesTheActionAndTheBucket() {
        wm.stubFor(get(urlEqualTo(BLOCK)).willReturn(restXmlError(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> storage.publicAccessBlock(BUCKET)).isInstanceOfSatisfying(RemoteFailureException.class,
                e -> assertThat(e.getMessage()).contains("access denied", "s3:GetBucketPublicAccessBlock", BUCKET));
    }

    @Test
    void deleteBucketPolicySendsDeleteOnThePolicySubresource() {
        wm.stubFor(delete(urlEqualTo("/" + BUCKET + "?policy")).willReturn(aResponse().withStatus(204)));

        storage.deleteBucketPolicy(BUCKET);

        wm.verify(exactly(1), deleteRequestedFor(urlEqualTo("/" + BUCKET + "?policy")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Storage.deleteBucketPolicy");
    }

    @Test
    void deleteBucketPolicyAccessDeniedNamesTheAction() {
        wm.stubFor(delete(urlEqualTo("/" + BUCKET + "?policy")).willReturn(restXmlError(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> storage.deleteBucketPolicy(BUCKET)).isInstanceOfSatisfying(RemoteFailureException.class,
                e -> assertThat(e.getMessage()).contains("access denied", "s3:DeleteBucketPolicy", BUCKET));
    }
}
