package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.ImageDetail;
import io.tdev.ops.model.LifecycleRule;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TaskDefinitionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.restXmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS calls the weekly report and the monthly maintenance added, on the wire: ECR DescribeImages (pages,
 * throttling, access denied), ECS DeregisterTaskDefinition (throttling, access denied), S3
 * Get/PutBucketLifecycleConfiguration (the other rules kept as S3 returned them, throttling, access denied) and ELBv2
 * DescribeTargetGroups (throttling, access denied). ListTaskDefinitions' pages are in AwsEcsContractTest, the log
 * groups' in AwsLogsTest, the scan findings' in AwsImageScansTest.
 */
class AwsScheduledJobCallsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String REPO = "t-developer-backend-production";
    private static final String BUCKET = "t-developer-projects-production";
    private static final String ECR = "AmazonEC2ContainerRegistry_V20150921.";
    private static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/t-developer-tg-production/4f1b2c3d5e6a7b8c";

    private static final String TARGET_GROUPS = """
            <DescribeTargetGroupsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeTargetGroupsResult><TargetGroups><member>
                <TargetGroupArn>%s</TargetGroupArn><TargetGroupName>t-developer-tg-production</TargetGroupName>
                <LoadBalancerArns><member>arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/t-developer-alb-production/50dc6c495c0c9188</member></LoadBalancerArns>
              </member></TargetGroups></DescribeTargetGroupsResult>
              <ResponseMetadata><RequestId>6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c</RequestId></ResponseMetadata>
            </DescribeTargetGroupsResponse>""".formatted(TG);

    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";

    private final AwsWireFixture aws = new AwsWireFixture(wm);

    /** The ECS adapter, with revision 30 of the family described (deregistering looks its ARN up first). */
    private AwsEcs ecsWithRevision30() {
        wm.stubFor(json(ECS + "DescribeTaskDefinition").willReturn(jsonOk(EcsFixtures.taskDefinition(30, "repo:2.0.30"))));
        return new AwsEcs(AwsWireFixture.factory(wm).ecs(), TestEnvironments.production(), BackoffStrategy.retryImmediately());
    }

    private static String image(String tag, long pushedAt) {
        return "{\"registryId\":\"123456789012\",\"repositoryName\":\"" + REPO + "\",\"imageDigest\":\"sha256:"
                + "%064d".formatted(pushedAt) + "\",\"imageTags\":[\"" + tag + "\"],\"imageSizeInBytes\":187654321,"
                + "\"imagePushedAt\":" + pushedAt + ".0,\"imageManifestMediaType\":"
                + "\"application/vnd.docker.distribution.manifest.v2+json\"}";
    }

    @Test
    void describeImagesReadsEveryPageNewestFirst() {
        AwsImageScans scans = new AwsImageScans(aws.client(EcrClient.builder()));
        wm.stubFor(json(ECR + "DescribeImages").withRequestBody(notMatching(".*nextToken.*")).willReturn(jsonOk(
                "{\"imageDetails\":[" + image("2.0.40", 1763800000) + "," + image("2.0.42", 1764100000)
                        + "],\"nextToken\":\"page2\"}")));
        wm.stubFor(json(ECR + "DescribeImages").withRequestBody(matchingJsonPath("$.nextToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("page2")))
                .willReturn(jsonOk("{\"imageDetails\":[" + image("2.0.41", 1763950000) + "]}")));

        List<ImageDetail> images = scans.images(REPO);

        assertThat(images).extracting(i -> i.tags().get(0)).containsExactly("2.0.42", "2.0.41", "2.0.40");
        assertThat(images.get(0).pushedAt()).isEqualTo(Instant.ofEpochSecond(1764100000));
        assertThat(images.get(0).sizeBytes()).isEqualTo(187654321L);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.repositoryName",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(REPO))));
        AwsActionsAssert.sentOnlyDeclared(aws, "ImageScans.images");
    }

    @Test
    void describeImagesThrottledThenOk() {
        AwsImageScans scans = new AwsImageScans(aws.client(EcrClient.builder()));
        aws.faultsThenOk(() -> json(ECR + "DescribeImages"), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"imageDetails\":[" + image("2.0.42", 1764100000) + "]}"));

        assertThat(scans.images(REPO)).hasSize(1);
    }

    @Test
    void describeImagesDeniedNamesTheAction() {
        AwsImageScans scans = new AwsImageScans(aws.client(EcrClient.builder()));
        String arn = "arn:aws:ecr:eu-west-1:123456789012:repository/" + REPO;
        wm.stubFor(json(ECR + "DescribeImages").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("ecr:DescribeImages", arn))));

        assertThatThrownBy(() -> scans.images(REPO)).isInstanceOfSatisfying(RemoteFailureException.class,
                e -> assertThat(e.getMessage()).contains("access denied", "ecr:DescribeImages", arn));
    }

    @Test
    void deregisterSendsTheRevisionsArn() {
        AwsEcs ecs = ecsWithRevision30();
        wm.stubFor(json(ECS + "DeregisterTaskDefinition").willReturn(jsonOk("{\"taskDefinition\":"
                + "{\"taskDefinitionArn\":\"" + EcsFixtures.taskDefinitionArn("t-developer-backend", 30)
                + "\",\"family\":\"t-developer-backend\",\"revision\":30,\"status\":\"INACTIVE\"}}")));

        ecs.deregisterTaskDefinition(new TaskDefinitionRef("t-developer-backend", 30));

        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"taskDefinition\":\""
                + EcsFixtures.taskDefinitionArn("t-developer-backend", 30) + "\"}")));
    }

    @Test
    void deregisterDeniedNamesTheAction() {
        AwsEcs ecs = ecsWithRevision30();
        wm.stubFor(json(ECS + "DeregisterTaskDefinition").willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("ecs:DeregisterTaskDefinition", "*"))));

        assertThatThrownBy(() -> ecs.deregisterTaskDefinition(new TaskDefinitionRef("t-developer-backend", 30)))
                .isInstanceOfSatisfying(RemoteFailureException.class,
                        e -> assertThat(e.getMessage()).contains("ecs:DeregisterTaskDefinition"));
    }

    @Test
    void lifecycleRulesAreReadAndNoConfigurationIsEmpty() {
        AwsStorage storage = new AwsStorage(aws.s3(), aws.client(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()));
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(restXmlError(404,
                "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")));
        assertThat(storage.lifecycleRules(BUCKET)).isEmpty();

        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(xmlOk("""
                <?xml version="1.0" encoding="UTF-8"?>
                <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Rule><ID>expire-tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status>
                    <Expiration><Days>3</Days></Expiration></Rule>
                </LifecycleConfiguration>""")));
        assertThat(storage.lifecycleRules(BUCKET)).containsExactly(new LifecycleRule("expire-tmp", "tmp/", 3, "Enabled"));
    }

    /** A configuration another team wrote: transitions, an And filter with a tag, multipart and noncurrent settings. */
    private static final String OTHERS_LIFECYCLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Rule><ID>archive-exports</ID>
                <Filter><And><Prefix>exports/</Prefix><Tag><Key>retention</Key><Value>long</Value></Tag></And></Filter>
                <Status>Enabled</Status>
                <Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition>
                <NoncurrentVersionExpiration><NoncurrentDays>60</NoncurrentDays></NoncurrentVersionExpiration>
                <AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>
              </Rule>
              <Rule><ID>tdev-ops-expire-projects</ID><Filter><Prefix></Prefix></Filter><Status>Disabled</Status>
                <Expiration><Days>30</Days></Expiration></Rule>
            </LifecycleConfiguration>""";

    private AwsStorage storage() {
        return new AwsStorage(aws.s3(), aws.client(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()));
    }

    @Test
    void aRuleSelectingByTagOrSizeIsReadAsNarrowedAndItsAndPrefixIsKept() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(xmlOk("""
                <?xml version="1.0" encoding="UTF-8"?>
                <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Rule><ID>expire-temp</ID><Filter><Tag><Key>temp</Key><Value>true</Value></Tag></Filter>
                    <Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
                  <Rule><ID>expire-big-exports</ID><Filter><And><Prefix>exports/</Prefix>
                    <ObjectSizeGreaterThan>1048576</ObjectSizeGreaterThan></And></Filter>
                    <Status>Enabled</Status><Expiration><Days>7</Days></Expiration></Rule>
                  <Rule><ID>legacy</ID><Prefix>logs/</Prefix><Status>Enabled</Status>
                    <Expiration><Days>30</Days></Expiration></Rule>
                </LifecycleConfiguration>""")));

        assertThat(storage().lifecycleRules(BUCKET)).containsExactly(
                new LifecycleRule("expire-temp", "", 1, "Enabled", "tag temp=true"),
                new LifecycleRule("expire-big-exports", "exports/", 7, "Enabled", "object size > 1048576 bytes"),
                new LifecycleRule("legacy", "logs/", 30, "Enabled"));
    }

    @Test
    void addLifecycleRuleKeepsEveryOtherRuleAsS3ReturnedItAndReplacesItsOwn() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(xmlOk(OTHERS_LIFECYCLE)
                .withHeader("x-amz-transition-default-minimum-object-size", "all_storage_classes_128K")));
        wm.stubFor(put(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(aResponse().withStatus(200)));

        storage().addLifecycleRule(BUCKET, new LifecycleRule("tdev-ops-expire-projects", "", 90, "Enabled"));

        wm.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET))
                .withHeader("x-amz-transition-default-minimum-object-size", com.github.tomakehurst.wiremock.client.WireMock.equalTo("all_storage_classes_128K"))
                .withRequestBody(containing("<ID>archive-exports</ID>"))
                .withRequestBody(containing("<Tag><Key>retention</Key><Value>long</Value></Tag>"))
                .withRequestBody(containing("<StorageClass>GLACIER</StorageClass>"))
                .withRequestBody(containing("<NoncurrentDays>60</NoncurrentDays>"))
                .withRequestBody(containing("<DaysAfterInitiation>7</DaysAfterInitiation>"))
                .withRequestBody(containing("<Days>90</Days>"))
                .withRequestBody(notMatching("(?s).*<Days>30</Days></Expiration>.*"))
                .withRequestBody(notMatching("(?s).*tdev-ops-expire-projects.*tdev-ops-expire-projects.*")));
    }

    @Test
    void addLifecycleRuleToABucketWithoutConfigurationPutsOnlyIt() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(restXmlError(404,
                "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")));
        wm.stubFor(put(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(aResponse().withStatus(200)));

        storage().addLifecycleRule(BUCKET, new LifecycleRule("tdev-ops-expire-projects", "", 90, "Enabled"));

        wm.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET)).withRequestBody(containing("<ID>tdev-ops-expire-projects</ID>"))
                .withRequestBody(notMatching("(?s).*<Rule>.*<Rule>.*")));
    }

    @Test
    void lifecycleReadAndPutThrottledThenOk() {
        aws.faultsThenOk(() -> get(urlEqualTo("/" + BUCKET + "?lifecycle")), 2,
                restXmlError(503, "SlowDown", "Please reduce your request rate."), xmlOk(OTHERS_LIFECYCLE));
        aws.faultsThenOk(() -> put(urlEqualTo("/" + BUCKET + "?lifecycle")), 1,
                restXmlError(503, "SlowDown", "Please reduce your request rate."), aResponse().withStatus(200));

        storage().addLifecycleRule(BUCKET, new LifecycleRule("tdev-ops-expire-projects", "", 90, "Enabled"));

        wm.verify(exactly(3), com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/" + BUCKET + "?lifecycle")));
        wm.verify(exactly(2), putRequestedFor(urlEqualTo("/" + BUCKET + "?lifecycle")).withRequestBody(containing("<ID>archive-exports</ID>")));
    }

    @Test
    void putLifecycleDeniedNamesTheActionAfterReadingOnly() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(xmlOk(OTHERS_LIFECYCLE)));
        wm.stubFor(put(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(restXmlError(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> storage().addLifecycleRule(BUCKET, new LifecycleRule("r", "", 90, "Enabled")))
                .isInstanceOfSatisfying(RemoteFailureException.class,
                        e -> assertThat(e.getMessage()).contains("s3:PutLifecycleConfiguration"));
    }

    @Test
    void getLifecycleDeniedNamesTheActionAndPutsNothing() {
        wm.stubFor(get(urlEqualTo("/" + BUCKET + "?lifecycle")).willReturn(restXmlError(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> storage().addLifecycleRule(BUCKET, new LifecycleRule("r", "", 90, "Enabled")))
                .isInstanceOfSatisfying(RemoteFailureException.class,
                        e -> assertThat(e.getMessage()).contains("s3:GetLifecycleConfiguration"));
        wm.verify(exactly(0), putRequestedFor(urlPathEqualTo("/" + BUCKET)));
    }

    @Test
    void aRuleThatDoesNotExpireIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> storage().addLifecycleRule(BUCKET, new LifecycleRule("r", "", null, "Enabled")))
                .isInstanceOfSatisfying(io.tdev.ops.model.InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("lifecycleRule", "nothing was changed"));
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void deregisterThrottledThenOk() {
        AwsEcs ecs = ecsWithRevision30();
        aws.faultsThenOk(() -> json(ECS + "DeregisterTaskDefinition"), 2,
                jsonError(400, "ThrottlingException", "Rate exceeded"), jsonOk("{\"taskDefinition\":"
                        + "{\"taskDefinitionArn\":\"" + EcsFixtures.taskDefinitionArn("t-developer-backend", 30)
                        + "\",\"family\":\"t-developer-backend\",\"revision\":30,\"status\":\"INACTIVE\"}}"));

        ecs.deregisterTaskDefinition(new TaskDefinitionRef("t-developer-backend", 30));

        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(ECS + "DeregisterTaskDefinition")));
    }

    @Test
    void describeTargetGroupsThrottledThenOk() {
        AwsTargetHealth health = new AwsTargetHealth(AwsWireFixture.factory(wm).elasticLoadBalancingV2(),
                TestEnvironments.production());
        aws.faultsThenOk(() -> query("DescribeTargetGroups"), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(TARGET_GROUPS));

        assertThat(health.loadBalancerArns(TG)).hasSize(1);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void describeTargetGroupsGivesTheLoadBalancers() {
        AwsTargetHealth health = new AwsTargetHealth(AwsWireFixture.factory(wm).elasticLoadBalancingV2(),
                TestEnvironments.production());
        wm.stubFor(query("DescribeTargetGroups").willReturn(xmlOk(TARGET_GROUPS)));

        assertThat(health.loadBalancerArns(TG)).containsExactly(
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/t-developer-alb-production/50dc6c495c0c9188");
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TargetGroupArns.member.1=")));
    }

    @Test
    void describeTargetGroupsDeniedNamesTheAction() {
        AwsTargetHealth health = new AwsTargetHealth(AwsWireFixture.factory(wm).elasticLoadBalancingV2(),
                TestEnvironments.production());
        wm.stubFor(query("DescribeTargetGroups").willReturn(xmlError(403, "AccessDenied",
                deniedMessage("elasticloadbalancing:DescribeTargetGroups", "*"))));

        assertThatThrownBy(() -> health.loadBalancerArns(TG)).isInstanceOfSatisfying(RemoteFailureException.class,
                e -> assertThat(e.getMessage()).contains("elasticloadbalancing:DescribeTargetGroups"));
    }
}
