package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.port.AutoScaling;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.AutoScalingContract;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ScalingPolicy;
import io.tdev.ops.model.ServiceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.TestEnvironments.CLUSTER;
import static io.tdev.ops.aws.TestEnvironments.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link AutoScalingContract} on {@link AwsAutoScaling} (JSON 1.1), and what only the wire shows. */
class AwsAutoScalingContractTest extends AutoScalingContract {
    private static final String PREFIX = "AnyScaleFrontendService.";
    private static final ServiceRef PROD = new ServiceRef(CLUSTER, SERVICE);
    private static final String RESOURCE_ID = "service/" + CLUSTER + "/" + SERVICE;

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsClientFactory factory;
    private AwsAutoScaling autoScaling;

    @BeforeEach
    void connect() {
        factory = AwsWireFixture.factory(wm);
        autoScaling = new AwsAutoScaling(factory.applicationAutoScaling(), TestEnvironments.production());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private static String scalableTargets(int min, int max) {
        return """
                {
                  "ScalableTargets": [
                    {
                      "ServiceNamespace": "ecs",
                      "ResourceId": "%s",
                      "ScalableDimension": "ecs:service:DesiredCount",
                      "MinCapacity": %d,
                      "MaxCapacity": %d,
                      "RoleARN": "arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
                      "CreationTime": 1735689600.123,
                      "SuspendedState": {"DynamicScalingInSuspended": false, "DynamicScalingOutSuspended": false, "ScheduledScalingSuspended": false},
                      "ScalableTargetARN": "arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/0ec5a1b2c3d4e5f6a7b8"
                    }
                  ]
                }""".formatted(RESOURCE_ID, min, max);
    }

    @Test
    void readsTheScalableTargetOfTheServicesDesiredCount() {
        wm.stubFor(json(PREFIX + "DescribeScalableTargets").willReturn(jsonOk(scalableTargets(2, 20))));

        assertThat(autoScaling.scalableTarget(PROD)).contains(new ScalableTarget(RESOURCE_ID, 2, 20));

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(PREFIX + "DescribeScalableTargets"))
                .withHeader("Authorization", matching(".*/eu-west-1/application-autoscaling/aws4_request.*"))
                .withRequestBody(equalToJson("{\"ServiceNamespace\":\"ecs\",\"ResourceIds\":[\"" + RESOURCE_ID
                        + "\"],\"ScalableDimension\":\"ecs:service:DesiredCount\"}")));
    }

    @Test
    void setCapacityRegistersTheTargetWithTheNewMinAndMax() {
        wm.stubFor(json(PREFIX + "RegisterScalableTarget").willReturn(jsonOk(
                "{\"ScalableTargetARN\": \"arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/0ec5a1b2c3d4e5f6a7b8\"}")));

        autoScaling.setCapacity(PROD, 10, 20);

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(PREFIX + "RegisterScalableTarget"))
                .withRequestBody(equalToJson("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + RESOURCE_ID
                        + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":10,\"MaxCapacity\":20}")));
    }

    @Test
    void setCapacityOfAMissingServiceNamesItAndTheConfigField() {
        wm.stubFor(json(PREFIX + "RegisterScalableTarget").willReturn(jsonError(400, "ValidationException",
                "ECS service doesn't exist: " + RESOURCE_ID)));

        assertThatThrownBy(() -> autoScaling.setCapacity(PROD, 2, 20))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("ECS service '" + PROD + "' (environment config field ecs.service) was not found");
    }

    @Test
    void readsTargetTrackingAndStepPoliciesOverTwoPages() {
        wm.stubFor(json(PREFIX + "DescribeScalingPolicies").withRequestBody(matchingJsonPath("$[?(!@.NextToken)]"))
                .willReturn(jsonOk("""
                        {
                          "ScalingPolicies": [
                            {
                              "PolicyARN": "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:6d8972f3-efc8-437c-92d1-6270f29a66e7:resource/ecs/%s:policyName/cpu70",
                              "PolicyName": "cpu70",
                              "ServiceNamespace": "ecs",
                              "ResourceId": "%s",
                              "ScalableDimension": "ecs:service:DesiredCount",
                              "PolicyType": "TargetTrackingScaling",
                              "TargetTrackingScalingPolicyConfiguration": {
                                "TargetValue": 70.0,
                                "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"},
                                "ScaleOutCooldown": 60,
                                "ScaleInCooldown": 300
                              },
                              "Alarms": [{"AlarmName": "TargetTracking-service/t-developer-AlarmHigh-1", "AlarmARN": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:TargetTracking-service/t-developer-AlarmHigh-1"}],
                              "CreationTime": 1735689600.0
                            }
                          ],
                          "NextToken": "page-2"
                        }""".formatted(RESOURCE_ID, RESOURCE_ID))));
        wm.stubFor(json(PREFIX + "DescribeScalingPolicies").withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .willReturn(jsonOk("""
                        {
                          "ScalingPolicies": [
                            {
                              "PolicyName": "queue-depth",
                              "ServiceNamespace": "ecs",
                              "ResourceId": "%s",
                              "ScalableDimension": "ecs:service:DesiredCount",
                              "PolicyType": "StepScaling",
                              "StepScalingPolicyConfiguration": {
                                "AdjustmentType": "ChangeInCapacity",
                                "StepAdjustments": [{"MetricIntervalLowerBound": 0.0, "ScalingAdjustment": 2}],
                                "Cooldown": 120
                              },
                              "CreationTime": 1735689700.0
                            }
                          ]
                        }""".formatted(RESOURCE_ID))));

        assertThat(autoScaling.policies(PROD)).containsExactly(
                new ScalingPolicy("cpu70", "TargetTrackingScaling", 70.0, "ECSServiceAverageCPUUtilization"),
                new ScalingPolicy("queue-depth", "StepScaling", null, null));
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PREFIX + "DescribeScalingPolicies"))
                .withRequestBody(matchingJsonPath("$.ResourceId", equalTo(RESOURCE_ID))));
    }

    @Test
    void throttledTwiceThenAnswered() {
        faultsThenOk(wm, () -> json(PREFIX + "DescribeScalableTargets"), 2,
                jsonError(400, "ThrottlingException", "Rate exceeded"), jsonOk(scalableTargets(2, 20)));

        assertThat(autoScaling.scalableTarget(PROD)).isPresent();
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serverErrorThenAnswered() {
        faultsThenOk(wm, () -> json(PREFIX + "DescribeScalableTargets"), 1,
                jsonError(500, "InternalServiceException", "Internal failure"), jsonOk(scalableTargets(2, 20)));

        assertThat(autoScaling.scalableTarget(PROD)).isPresent();
    }

    @Test
    void readTimeoutThenAnswered() {
        faultsThenOk(wm, () -> json(PREFIX + "DescribeScalableTargets"), 1,
                jsonOk(scalableTargets(2, 20)).withFixedDelay(AwsWireFixture.TIMEOUT_DELAY_MS), jsonOk(scalableTargets(3, 20)));

        assertThat(autoScaling.scalableTarget(PROD).orElseThrow().minCapacity()).isEqualTo(3);
    }

    @Test
    void accessDeniedNamesTheActionAndTheService() {
        wm.stubFor(json(PREFIX + "RegisterScalableTarget").willReturn(jsonError(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/jenkins/build-7 is not authorized to perform: "
                        + "application-autoscaling:RegisterScalableTarget")));

        assertThatThrownBy(() -> autoScaling.setCapacity(PROD, 2, 20))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("IAM action application-autoscaling:RegisterScalableTarget on ECS service '" + PROD + "'");
    }

    // ---- the contract's world, as Application Auto Scaling answers it

    private static final int WORLD = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected AutoScaling autoScaling() {
        return autoScaling;
    }

    @Override
    protected void givenTheScalableTarget() {
        String other = "service/" + UNREGISTERED.cluster() + "/" + UNREGISTERED.service();
        wm.stubFor(json(PREFIX + "DescribeScalableTargets").atPriority(WORLD)
                .withRequestBody(matchingJsonPath("$.ResourceIds[0]", equalTo(RESOURCE_ID)))
                .willReturn(jsonOk(scalableTargets(MIN, MAX))));
        wm.stubFor(json(PREFIX + "DescribeScalableTargets").atPriority(WORLD)
                .withRequestBody(matchingJsonPath("$.ResourceIds[0]", equalTo(other)))
                .willReturn(jsonOk("{\"ScalableTargets\": []}")));
        // an empty first page with a token: the adapter must follow it to find the policy
        wm.stubFor(json(PREFIX + "DescribeScalingPolicies").atPriority(WORLD)
                .withRequestBody(matchingJsonPath("$.ResourceId", equalTo(RESOURCE_ID)))
                .withRequestBody(matchingJsonPath("$[?(!@.NextToken)]"))
                .willReturn(jsonOk("{\"ScalingPolicies\": [], \"NextToken\": \"page-2\"}")));
        wm.stubFor(json(PREFIX + "DescribeScalingPolicies").atPriority(WORLD)
                .withRequestBody(matchingJsonPath("$.ResourceId", equalTo(RESOURCE_ID)))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .willReturn(jsonOk("""
                        {"ScalingPolicies": [{
                          "PolicyARN": "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:6d8972f3-efc8-437c-92d1-6270f29a66e7:resource/ecs/%s:policyName/%s",
                          "PolicyName": "%s",
                          "ServiceNamespace": "ecs",
                          "ResourceId": "%s",
                          "ScalableDimension": "ecs:service:DesiredCount",
                          "PolicyType": "TargetTrackingScaling",
                          "TargetTrackingScalingPolicyConfiguration": {
                            "TargetValue": 70.0,
                            "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"},
                            "ScaleOutCooldown": 120, "ScaleInCooldown": 300
                          },
                          "CreationTime": 1735689600.0
                        }]}""".formatted(RESOURCE_ID, CPU_POLICY.name(), CPU_POLICY.name(), RESOURCE_ID))));
        wm.stubFor(json(PREFIX + "DescribeScalingPolicies").atPriority(WORLD)
                .withRequestBody(matchingJsonPath("$.ResourceId", equalTo(other)))
                .willReturn(jsonOk("{\"ScalingPolicies\": []}")));
        wm.stubFor(json(PREFIX + "RegisterScalableTarget").atPriority(WORLD).willReturn(jsonOk(
                "{\"ScalableTargetARN\": \"arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/0ec5a1b2c3d4e5f6a7b8\"}")));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(json(PREFIX + iamAction.substring(iamAction.indexOf(':') + 1)).atPriority(1)
                .willReturn(AwsWireFixture.jsonRefusal(refusal, iamAction, "*")));
    }

    @Override
    protected ScalableTarget capacitySet() {
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(PREFIX + "RegisterScalableTarget")));
        assertThat(sent).isNotEmpty();
        try {
            JsonNode body = JSON.readTree(sent.get(sent.size() - 1).getBodyAsString());
            return new ScalableTarget(body.path("ResourceId").asText(), body.path("MinCapacity").asInt(),
                    body.path("MaxCapacity").asInt());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
