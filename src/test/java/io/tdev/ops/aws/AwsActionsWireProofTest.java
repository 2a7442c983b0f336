package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.tdev.ops.aws.WireMockAws.json;
import static io.tdev.ops.aws.WireMockAws.jsonCall;
import static io.tdev.ops.aws.WireMockAws.queryCall;
import static io.tdev.ops.aws.WireMockAws.xml;

/**
 * Proof (1) for the adapters of helper aws-a (AwsEcs, AwsAutoScaling, AwsAlarms, AwsMetrics, AwsTargetHealth),
 * whose own contract tests build clients without an operation recorder: each port method runs once against
 * WireMock through a recording client, and every operation it sends must be an IAM action {@link AwsActions}
 * lists for it. (The adapters of aws-b prove the same in their own contract tests.)
 */
class AwsActionsWireProofTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockAws.server();

    private static final ServiceRef PROD = new ServiceRef("t-developer-cluster-production", "t-developer-service-production");
    private static final TaskDefinitionRef REV_42 = new TaskDefinitionRef("t-developer-backend", 42);
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String SCALING = "AnyScaleFrontendService.";
    private static final String SD_ARN = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/t-developer-cluster-production/"
            + "t-developer-service-production/NCWGC2ZR-taawPAYrIaU5";

    private final WireMockAws aws = new WireMockAws(wm);

    private record Case(String method, Runnable stubs, Runnable call) {
    }

    private void stubEcs() {
        wm.stubFor(jsonCall(ECS + "DescribeServices").willReturn(json(EcsFixtures.describeStable(List.of("t-developer-service-production")))));
        wm.stubFor(jsonCall(ECS + "DescribeTaskDefinition").willReturn(json(EcsFixtures.taskDefinition(42,
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:2.0.42"))));
        wm.stubFor(jsonCall(ECS + "ListTaskDefinitions").willReturn(json("{\"taskDefinitionArns\":[\""
                + EcsFixtures.taskDefinitionArn("t-developer-backend", 42) + "\",\"" + EcsFixtures.taskDefinitionArn("t-developer-backend", 41) + "\"]}")));
        wm.stubFor(jsonCall(ECS + "RegisterTaskDefinition").willReturn(json(EcsFixtures.registeredTaskDefinition(43,
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:2.0.43"))));
        wm.stubFor(jsonCall(ECS + "UpdateService").willReturn(json("{\"service\":" + EcsFixtures.serviceDeploying(
                EcsFixtures.taskDefinitionArn("t-developer-backend", 43)) + "}")));
        wm.stubFor(jsonCall(ECS + "ListServiceDeployments").willReturn(json("{\"serviceDeployments\":[{\"serviceDeploymentArn\":\""
                + SD_ARN + "\",\"serviceArn\":\"" + EcsFixtures.SERVICE_ARN + "\",\"clusterArn\":\"" + EcsFixtures.CLUSTER_ARN
                + "\",\"createdAt\":1764161400.0,\"startedAt\":1764161401.0,\"status\":\"IN_PROGRESS\"}]}")));
        wm.stubFor(jsonCall(ECS + "StopServiceDeployment").willReturn(json("{\"serviceDeploymentArn\":\"" + SD_ARN + "\"}")));
        wm.stubFor(jsonCall(ECS + "TagResource").willReturn(json("{}")));
        wm.stubFor(jsonCall(ECS + "UntagResource").willReturn(json("{}")));
        wm.stubFor(jsonCall(ECS + "ListTagsForResource").willReturn(json("{\"tags\":[{\"key\":\"tdev:known-good\",\"value\":\"2026-11-25T10:00:00Z\"}]}")));
    }

    private void stubScaling() {
        wm.stubFor(jsonCall(SCALING + "DescribeScalableTargets").willReturn(json("{\"ScalableTargets\":[{\"ServiceNamespace\":\"ecs\","
                + "\"ResourceId\":\"service/t-developer-cluster-production/t-developer-service-production\","
                + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":2,\"MaxCapacity\":20,"
                + "\"RoleARN\":\"arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService\","
                + "\"CreationTime\":1735689600.123}]}")));
        wm.stubFor(jsonCall(SCALING + "RegisterScalableTarget").willReturn(json("{\"ScalableTargetARN\":"
                + "\"arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/0ec5a1b2c3d4e5f6a7b8\"}")));
        wm.stubFor(jsonCall(SCALING + "DescribeScalingPolicies").willReturn(json("{\"ScalingPolicies\":[]}")));
    }

    private void stubCloudWatchAndElb() {
        wm.stubFor(queryCall("DescribeAlarms").willReturn(xml("<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                + "<DescribeAlarmsResult><MetricAlarms/><CompositeAlarms/></DescribeAlarmsResult>"
                + "<ResponseMetadata><RequestId>a1</RequestId></ResponseMetadata></DescribeAlarmsResponse>")));
        wm.stubFor(queryCall("GetMetricData").willReturn(xml("<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                + "<GetMetricDataResult><MetricDataResults><member><Id>cpu</Id><Label>CPUUtilization</Label><StatusCode>Complete</StatusCode>"
                + "<Timestamps><member>2026-11-26T09:00:00Z</member></Timestamps><Values><member>41.5</member></Values></member>"
                + "</MetricDataResults><Messages/></GetMetricDataResult><ResponseMetadata><RequestId>a2</RequestId></ResponseMetadata>"
                + "</GetMetricDataResponse>")));
        wm.stubFor(queryCall("DescribeTargetHealth").willReturn(xml("<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<DescribeTargetHealthResult><TargetHealthDescriptions><member><HealthCheckPort>8000</HealthCheckPort>"
                + "<TargetHealth><State>healthy</State></TargetHealth><Target><Id>10.0.1.17</Id><Port>8000</Port></Target></member>"
                + "</TargetHealthDescriptions></DescribeTargetHealthResult><ResponseMetadata><RequestId>a3</RequestId></ResponseMetadata>"
                + "</DescribeTargetHealthResponse>")));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationOfAwsAsAdaptersIsAnActionListedForItsPortMethod() {
        var config = TestConfigs.production();
        AwsEcs ecs = new AwsEcs(aws.client(EcsClient.builder()), config, BackoffStrategy.retryImmediately());
        AwsAutoScaling scaling = new AwsAutoScaling(aws.client(ApplicationAutoScalingClient.builder()), config);
        AwsAlarms alarms = new AwsAlarms(aws.client(CloudWatchClient.builder()));
        AwsMetrics metrics = new AwsMetrics(aws.client(CloudWatchClient.builder()));
        AwsTargetHealth targetHealth = new AwsTargetHealth(aws.client(ElasticLoadBalancingV2Client.builder()), config);
        String tg = EcsFixtures.TG_ARN;
        List<Case> cases = List.of(
                new Case("Ecs.describeService", this::stubEcs, () -> ecs.describeService(PROD)),
                new Case("Ecs.describeServices", this::stubEcs, () -> ecs.describeServices(PROD.cluster(), List.of(PROD.service()))),
                new Case("Ecs.describeTaskDefinition", this::stubEcs, () -> ecs.describeTaskDefinition("t-developer-backend:42")),
                new Case("Ecs.listTaskDefinitions", this::stubEcs, () -> ecs.listTaskDefinitions("t-developer-backend", false)),
                new Case("Ecs.registerTaskDefinition", this::stubEcs, () -> ecs.registerTaskDefinition(
                        new AwsEcs(aws.client(EcsClient.builder()), config).describeTaskDefinition("t-developer-backend:42"),
                        Map.of("backend", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:2.0.43"))),
                new Case("Ecs.updateService", this::stubEcs, () -> ecs.updateService(PROD, new TaskDefinitionRef("t-developer-backend", 43))),
                new Case("Ecs.setDesiredCount", this::stubEcs, () -> ecs.setDesiredCount(PROD, 10)),
                new Case("Ecs.stopDeployment", this::stubEcs, () -> ecs.stopDeployment(PROD, "ecs-svc/9223370461569286731")),
                new Case("Ecs.tagTaskDefinition", this::stubEcs, () -> ecs.tagTaskDefinition(REV_42, Map.of("tdev:known-good", "x"))),
                new Case("Ecs.untagTaskDefinition", this::stubEcs, () -> ecs.untagTaskDefinition(REV_42, List.of("tdev:known-good"))),
                new Case("Ecs.tagsOf", this::stubEcs, () -> ecs.tagsOf(REV_42)),
                new Case("AutoScaling.scalableTarget", this::stubScaling, () -> scaling.scalableTarget(PROD)),
                new Case("AutoScaling.setCapacity", this::stubScaling, () -> scaling.setCapacity(PROD, 10, 20)),
                new Case("AutoScaling.policies", this::stubScaling, () -> scaling.policies(PROD)),
                new Case("Alarms.alarms", this::stubCloudWatchAndElb, () -> alarms.alarms("t-developer", Optional.of(AlarmState.ALARM))),
                new Case("Metrics.query", this::stubCloudWatchAndElb, () -> metrics.query(List.of(new MetricQuery("cpu", "AWS/ECS",
                                "CPUUtilization", Map.of("ClusterName", PROD.cluster(), "ServiceName", PROD.service()), "Average",
                                Duration.ofMinutes(5))), Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-26T09:00:00Z"))),
                new Case("TargetHealth.targetHealth", this::stubCloudWatchAndElb, () -> targetHealth.targetHealth(tg)));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.method(), () -> {
            wm.resetAll();
            c.stubs().run();
            aws.clearSent();
            c.call().run();
            AwsActionsAssert.sentOnlyDeclared(aws, c.method());
        }));
    }
}
