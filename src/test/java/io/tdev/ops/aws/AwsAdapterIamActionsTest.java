package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinitionRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every AWS operation the ECS, Application Auto Scaling, CloudWatch and ELBv2 adapters really send for a port
 * method (read off the wire) is an IAM action {@link AwsActions} lists for that method, so the generated IAM
 * policy never misses one.
 */
class AwsAdapterIamActionsTest {
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String AAS = "AnyScaleFrontendService.";
    private static final ServiceRef PROD = new ServiceRef(TestEnvironments.CLUSTER, TestEnvironments.SERVICE);
    private static final TaskDefinitionRef REV_42 = new TaskDefinitionRef("t-developer-backend", 42);

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsClientFactory factory;
    private AwsEcs ecs;

    @BeforeEach
    void stubEveryOperation() {
        factory = AwsWireFixture.factory(wm);
        ecs = new AwsEcs(factory.ecs(), TestEnvironments.production(), BackoffStrategy.retryImmediately());
        String service = EcsFixtures.serviceDeploying(EcsFixtures.taskDefinitionArn("t-developer-backend", 43));
        wm.stubFor(json(ECS + "DescribeServices").willReturn(jsonOk(EcsFixtures.describeServicesResponse(List.of(service), "[]"))));
        wm.stubFor(json(ECS + "DescribeTaskDefinition").willReturn(jsonOk(EcsFixtures.taskDefinition(42, "repo:v1"))));
        wm.stubFor(json(ECS + "ListTaskDefinitions").willReturn(jsonOk("{\"taskDefinitionArns\": []}")));
        wm.stubFor(json(ECS + "RegisterTaskDefinition").willReturn(jsonOk(EcsFixtures.registeredTaskDefinition(44, "repo:v2"))));
        wm.stubFor(json(ECS + "UpdateService").willReturn(jsonOk("{\"service\": " + service + "}")));
        wm.stubFor(json(ECS + "ListServiceDeployments").willReturn(jsonOk("""
                {"serviceDeployments": [{"serviceDeploymentArn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/c/s/abc",
                  "status": "IN_PROGRESS", "createdAt": 1764161400.0}]}""")));
        wm.stubFor(json(ECS + "StopServiceDeployment").willReturn(jsonOk("{}")));
        wm.stubFor(json(ECS + "TagResource").willReturn(jsonOk("{}")));
        wm.stubFor(json(ECS + "UntagResource").willReturn(jsonOk("{}")));
        wm.stubFor(json(ECS + "ListTagsForResource").willReturn(jsonOk("{\"tags\": []}")));
        wm.stubFor(json(ECS + "ListTasks").willReturn(jsonOk("{\"taskArns\": [\"arn:aws:ecs:eu-west-1:123456789012:task/c/0f\"]}")));
        wm.stubFor(json(ECS + "DescribeTasks").willReturn(jsonOk("{\"tasks\": [], \"failures\": []}")));
        wm.stubFor(json(ECS + "StopTask").willReturn(jsonOk("{\"task\": {}}")));
        wm.stubFor(json(AAS + "DescribeScalableTargets").willReturn(jsonOk("{\"ScalableTargets\": []}")));
        wm.stubFor(json(AAS + "RegisterScalableTarget").willReturn(jsonOk("{}")));
        wm.stubFor(json(AAS + "DescribeScalingPolicies").willReturn(jsonOk("{\"ScalingPolicies\": []}")));
        wm.stubFor(query("DescribeAlarms").willReturn(xmlOk("""
                <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmsResult><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>""")));
        wm.stubFor(query("DescribeAlarmHistory").willReturn(xmlOk("""
                <DescribeAlarmHistoryResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmHistoryResult><AlarmHistoryItems/></DescribeAlarmHistoryResult></DescribeAlarmHistoryResponse>""")));
        wm.stubFor(query("GetMetricData").willReturn(xmlOk("""
                <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <GetMetricDataResult><MetricDataResults/></GetMetricDataResult></GetMetricDataResponse>""")));
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlOk("""
                <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                  <DescribeTargetHealthResult><TargetHealthDescriptions/></DescribeTargetHealthResult></DescribeTargetHealthResponse>""")));
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private void assertDeclared(String portMethod, Runnable call) {
        wm.resetRequests();
        call.run();
        List<String> sent = AwsWireFixture.sentIamActions(wm);
        assertThat(sent).as("IAM actions %s sent", portMethod).isNotEmpty();
        assertThat(AwsActions.of(portMethod)).as("IAM actions AwsActions lists for %s", portMethod).containsAll(sent);
    }

    @Test
    void ecsMethodsSendOnlyDeclaredActions() {
        assertDeclared("Ecs.describeService", () -> ecs.describeService(PROD));
        assertDeclared("Ecs.describeServices", () -> ecs.describeServices(PROD.cluster(), List.of(PROD.service())));
        assertDeclared("Ecs.describeTaskDefinition", () -> ecs.describeTaskDefinition("t-developer-backend:42"));
        assertDeclared("Ecs.listTaskDefinitions", () -> ecs.listTaskDefinitions("t-developer-backend", false));
        var base = new AwsEcs(factory.ecs(), TestEnvironments.production()).describeTaskDefinition("t-developer-backend:42");
        assertDeclared("Ecs.registerTaskDefinition", () -> ecs.registerTaskDefinition(base, Map.of("backend", "repo:v2")));
        assertDeclared("Ecs.updateService", () -> ecs.updateService(PROD, REV_42));
        assertDeclared("Ecs.setDesiredCount", () -> ecs.setDesiredCount(PROD, 4));
        assertDeclared("Ecs.stopDeployment", () -> ecs.stopDeployment(PROD, "ecs-svc/1"));
        assertDeclared("Ecs.rollbacks", () -> ecs.rollbacks(PROD, Instant.parse("2026-11-16T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z")));
        // a fresh adapter: the revision's ARN is not cached yet, so it is looked up first
        assertDeclared("Ecs.tagTaskDefinition", () -> freshEcs().tagTaskDefinition(REV_42, Map.of("tdev:known-good", "x")));
        assertDeclared("Ecs.untagTaskDefinition", () -> freshEcs().untagTaskDefinition(REV_42, List.of("tdev:known-good")));
        assertDeclared("Ecs.tagsOf", () -> freshEcs().tagsOf(REV_42));
        assertDeclared("Ecs.serviceTasks", () -> ecs.serviceTasks(PROD));
        assertDeclared("Ecs.stopTask", () -> ecs.stopTask(PROD.cluster(), "arn:aws:ecs:eu-west-1:123456789012:task/c/0f", "P2"));
    }

    @Test
    void autoScalingCloudWatchAndElbMethodsSendOnlyDeclaredActions() {
        var autoScaling = new AwsAutoScaling(factory.applicationAutoScaling(), TestEnvironments.production());
        assertDeclared("AutoScaling.scalableTarget", () -> autoScaling.scalableTarget(PROD));
        assertDeclared("AutoScaling.setCapacity", () -> autoScaling.setCapacity(PROD, 2, 20));
        assertDeclared("AutoScaling.policies", () -> autoScaling.policies(PROD));
        assertDeclared("Alarms.alarms", () -> new AwsAlarms(factory.cloudWatch()).alarms("t-developer", Optional.empty()));
        assertDeclared("Alarms.history", () -> new AwsAlarms(factory.cloudWatch()).history("t-developer",
                Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));
        assertDeclared("Metrics.query", () -> new AwsMetrics(factory.cloudWatch()).query(List.of(new MetricQuery("cpu",
                "AWS/ECS", "CPUUtilization", Map.of(), "Average", Duration.ofMinutes(1))),
                Instant.parse("2026-11-26T13:00:00Z"), Instant.parse("2026-11-26T14:00:00Z")));
        assertDeclared("TargetHealth.targetHealth", () -> new AwsTargetHealth(factory.elasticLoadBalancingV2(),
                TestEnvironments.production()).targetHealth(EcsFixtures.TG_ARN));
    }

    private AwsEcs freshEcs() {
        return new AwsEcs(factory.ecs(), TestEnvironments.production());
    }
}
