package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.LifecycleRule;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Storage;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.StorageContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.restXmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link StorageContract} on {@link AwsStorage} (S3's REST-XML, path-style), and what only the wire shows of the
 * security check and the lockdown: GetPublicAccessBlock and DeleteBucketPolicy. Listing and usage: AwsStorageTest.
 */
class AwsStorageContractTest extends StorageContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

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

    // ---- the contract's world, as S3 answers it

    private static final int WORLD = 6;
    private static final String SECURE_TRANSPORT_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
            + "\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":"
            + "[\"arn:aws:s3:::" + BUCKET + "\",\"arn:aws:s3:::" + BUCKET + "/*\"],\"Condition\":{\"Bool\":"
            + "{\"aws:SecureTransport\":\"false\"}}}]}";

    @Override
    protected Storage storage() {
        return storage;
    }

    private static String at(String bucket, String subresource) {
        return "/" + bucket + "?" + subresource;
    }

    @Override
    protected void givenTheBucket() {
        wm.stubFor(get(urlEqualTo(at(BUCKET, "policy"))).atPriority(WORLD).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SECURE_TRANSPORT_ONLY)));
        wm.stubFor(any(urlPathEqualTo("/" + MISSING)).atPriority(WORLD).willReturn(restXmlError(404, "NoSuchBucket",
                "The specified bucket does not exist")));
        wm.stubFor(put(urlEqualTo(at(BUCKET, "policy"))).atPriority(WORLD).willReturn(aResponse().withStatus(204)));
        wm.stubFor(put(urlEqualTo(at(BUCKET, "policy"))).atPriority(WORLD - 1).withRequestBody(notContaining("Statement"))
                .willReturn(restXmlError(400, "MalformedPolicy", "Missing required field Statement")));
        wm.stubFor(delete(urlEqualTo(at(BUCKET, "policy"))).atPriority(WORLD).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlEqualTo(BLOCK)).atPriority(WORLD).willReturn(block(true)));
        wm.stubFor(get(urlEqualTo(at(BUCKET, "replication"))).atPriority(WORLD).willReturn(AwsWireFixture.xmlOk(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ReplicationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Role>arn:aws:iam::123456789012:role/t-developer-s3-replication</Role>"
                        + "<Rule><ID>projects-dr</ID><Priority>1</Priority><Filter><Prefix></Prefix></Filter><Status>Enabled</Status>"
                        + "<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication><Destination>"
                        + "<Bucket>arn:aws:s3:::" + BUCKET + "-replica-us-west-2</Bucket><StorageClass>STANDARD</StorageClass>"
                        + "</Destination></Rule></ReplicationConfiguration>")));
        wm.stubFor(get(urlEqualTo(at(BUCKET, "lifecycle"))).atPriority(WORLD).willReturn(restXmlError(404,
                "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")));
        wm.stubFor(put(urlEqualTo(at(BUCKET, "lifecycle"))).atPriority(WORLD).willReturn(aResponse().withStatus(200)));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        MappingBuilder call = switch (iamAction) {
            case "s3:GetBucketPolicy" -> get(urlEqualTo(at(BUCKET, "policy")));
            case "s3:PutBucketPolicy" -> put(urlEqualTo(at(BUCKET, "policy")));
            default -> throw new IllegalArgumentException(iamAction);
        };
        wm.stubFor(call.atPriority(1).willReturn(refusal == ContractWorld.Refusal.DENIED
                ? restXmlError(403, "AccessDenied", "Access Denied")
                : restXmlError(503, "SlowDown", "Please reduce your request rate.")));
    }

    @Override
    protected String policyStored() {
        List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlEqualTo(at(BUCKET, "policy"))));
        return puts.get(puts.size() - 1).getBodyAsString();
    }

    private static final Pattern RULE = Pattern.compile("<Rule>.*?<Expiration><Days>(\\d+)</Days></Expiration>"
            + "<ID>(.*?)</ID><Filter><Prefix>(.*?)</Prefix></Filter><Status>(.*?)</Status>.*?</Rule>");

    @Override
    protected List<LifecycleRule> lifecycleStored() {
        List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlEqualTo(at(BUCKET, "lifecycle"))));
        String body = puts.get(puts.size() - 1).getBodyAsString();
        List<LifecycleRule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(body);
        while (m.find()) {
            rules.add(new LifecycleRule(m.group(2), m.group(3), Integer.valueOf(m.group(1)), m.group(4)));
        }
        assertThat(rules).as("rules parsed from %s", body).isNotEmpty();
        return rules;
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }
}
