package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.Container;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.Ecs;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.EcsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.EcsFixtures.describeServicesResponse;
import static io.tdev.ops.aws.EcsFixtures.serviceDeploying;
import static io.tdev.ops.aws.EcsFixtures.taskDefinitionArn;
import static io.tdev.ops.aws.TestEnvironments.CLUSTER;
import static io.tdev.ops.aws.TestEnvironments.SERVICE;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link EcsContract} on {@link AwsEcs} over WireMock (the world stubbed as ECS answers it), plus what only the
 * wire shows: request bodies, batching, paging of other families, retries, the waiter.
 */
class AwsEcsContractTest extends EcsContract {
    private static final String PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final ServiceRef PROD = new ServiceRef(CLUSTER, SERVICE);

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsClientFactory factory;
    private AwsEcs ecs;

    @BeforeEach
    void connect() {
        factory = AwsWireFixture.factory(wm);
        ecs = new AwsEcs(factory.ecs(), TestEnvironments.production(), BackoffStrategy.retryImmediately());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private static String target(String operation) {
        return PREFIX + operation;
    }

    @Nested
    class DescribeServices {
        @Test
        void sendsDescribeServicesForTheClusterAndService() {
            wm.stubFor(json(target("DescribeServices"))
                    .willReturn(jsonOk(describeServicesResponse(List.of(serviceDeploying(taskDefinitionArn("t-developer-backend", 43))), "[]"))));

            ecs.describeService(PROD);

            wm.verify(postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(target("DescribeServices")))
                    .withHeader("Content-Type", equalTo(AwsWireFixture.JSON_11))
                    .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\\d{8}/eu-west-1/ecs/aws4_request.*"))
                    .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"services\":[\"" + SERVICE + "\"]}")));
        }

        @Test
        void mapsCountsDeploymentsTargetGroupsCircuitBreakerAndEventsNewestFirst() {
            wm.stubFor(json(target("DescribeServices"))
                    .willReturn(jsonOk(describeServicesResponse(List.of(serviceDeploying(taskDefinitionArn("t-developer-backend", 43))), "[]"))));

            ServiceState s = ecs.describeService(PROD);

            assertThat(s.ref()).isEqualTo(PROD);
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(List.of(s.desired(), s.running(), s.pending())).containsExactly(4, 5, 1);
            assertThat(s.taskDefinition()).isEqualTo(new TaskDefinitionRef("t-developer-backend", 43));
            assertThat(s.targetGroupArns()).containsExactly(EcsFixtures.TG_ARN);
            assertThat(s.circuitBreakerRollback()).isTrue();
            assertThat(s.deploymentInProgress()).isTrue();
            assertThat(s.deployments()).hasSize(2);
            var primary = s.primaryDeployment().orElseThrow();
            assertThat(primary.id()).isEqualTo("ecs-svc/9223370461569286731");
            assertThat(primary.rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
            assertThat(primary.rolloutStateReason()).contains("in progress");
            assertThat(primary.failedTasks()).isEqualTo(2);
            assertThat(primary.createdAt()).isEqualTo(Instant.ofEpochMilli(1764161400123L));
            var old = s.deployments().get(1);
            assertThat(old.status()).isEqualTo("ACTIVE");
            assertThat(old.taskDefinition()).isEqualTo(new TaskDefinitionRef("t-developer-backend", 42));
            assertThat(old.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(s.events()).hasSize(2);
            assertThat(s.events().get(0).message()).contains("has started 1 tasks");
            assertThat(s.events().get(0).at()).isAfter(s.events().get(1).at());
        }

        @Test
        void readsTheServicesTaskDefinitionGivenAsFamilyRevision() {
            wm.stubFor(json(target("DescribeServices"))
                    .willReturn(jsonOk(describeServicesResponse(List.of(serviceDeploying("t-developer-backend:43")), "[]"))));

            assertThat(ecs.describeService(PROD).taskDefinition()).isEqualTo(new TaskDefinitionRef("t-developer-backend", 43));
        }

        @Test
        void describesTwentyThreeServicesInBatchesOfTen() {
            List<String> names = IntStream.range(0, 23).mapToObj(i -> String.format("svc-%02d", i)).toList();
            for (int from = 0; from < names.size(); from += 10) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + 10));
                wm.stubFor(json(target("DescribeServices"))
                        .withRequestBody(matchingJsonPath("$.services[0]", equalTo(batch.get(0))))
                        .willReturn(jsonOk(EcsFixtures.describeStable(batch))));
            }

            List<ServiceState> states = ecs.describeServices(CLUSTER, names);

            assertThat(states).extracting(st -> st.ref().service()).containsExactlyElementsOf(names);
            List<LoggedRequest> calls = wm.findAll(postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(target("DescribeServices"))));
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(r -> countOf(r.getBodyAsString(), "\"svc-")).containsExactly(10, 10, 3);
        }

        @Test
        void aMissingServiceNamesItAndTheConfigField() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonOk(describeServicesResponse(List.of(),
                    "[{\"arn\":\"" + EcsFixtures.SERVICE_ARN + "\",\"reason\":\"MISSING\"}]"))));

            assertThatThrownBy(() -> ecs.describeService(PROD))
                    .isInstanceOf(PreconditionFailedException.class)
                    .hasMessageContaining(SERVICE + " (MISSING)")
                    .hasMessageContaining("ecs.service");
        }

        @Test
        void aMissingClusterNamesItAndTheConfigField() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonError(400, "ClusterNotFoundException", "Cluster not found.")));

            assertThatThrownBy(() -> ecs.describeService(PROD))
                    .isInstanceOf(PreconditionFailedException.class)
                    .hasMessageContaining("ECS cluster '" + CLUSTER + "'")
                    .hasMessageContaining("ecs.cluster");
        }
    }

    @Nested
    class Faults {
        private final String ok = describeServicesResponse(List.of(serviceDeploying(taskDefinitionArn("t-developer-backend", 43))), "[]");

        @Test
        void throttledTwiceThenAnsweredIsRetriedBySdk() {
            faultsThenOk(wm, () -> json(target("DescribeServices")), 2,
                    jsonError(400, "ThrottlingException", "Rate exceeded"), jsonOk(ok));

            assertThat(ecs.describeService(PROD).desired()).isEqualTo(4);
            wm.verify(3, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void throttledOnEveryAttemptIsARetryableFailureNamingTheApi() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")));

            assertThatThrownBy(() -> ecs.describeService(PROD))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.api()).isEqualTo("ecs:DescribeServices");
                    })
                    .hasMessageContaining("ecs:DescribeServices was throttled")
                    .hasMessageContaining("after 3 attempts");
            wm.verify(3, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void serverErrorThenAnsweredIsRetriedBySdk() {
            faultsThenOk(wm, () -> json(target("DescribeServices")), 1,
                    jsonError(500, "ServerException", "Service unavailable. Try again later."), jsonOk(ok));

            assertThat(ecs.describeService(PROD).running()).isEqualTo(5);
            wm.verify(2, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void serverErrorsOnEveryAttemptAreRetryable() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonError(500, "ServerException", "Internal error")));

            assertThatThrownBy(() -> ecs.describeService(PROD))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("ecs:DescribeServices failed after 3 attempts");
        }

        @Test
        void aReadTimeoutIsRetriedThenAnswered() {
            faultsThenOk(wm, () -> json(target("DescribeServices")), 1,
                    jsonOk(ok).withFixedDelay(AwsWireFixture.TIMEOUT_DELAY_MS), jsonOk(ok));

            assertThat(ecs.describeService(PROD).pending()).isEqualTo(1);
            wm.verify(2, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void readTimeoutsOnEveryAttemptAreARetryableTimeout() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonOk(ok).withFixedDelay(AwsWireFixture.TIMEOUT_DELAY_MS)));

            assertThatThrownBy(() -> ecs.describeService(PROD))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("ecs:DescribeServices timed out");
        }

        @Test
        void accessDeniedNamesTheIamActionAndTheRefusedResource() {
            wm.stubFor(json(target("UpdateService")).willReturn(jsonError(400, "AccessDeniedException",
                    "User: arn:aws:sts::123456789012:assumed-role/jenkins/build-7 is not authorized to perform: "
                            + "ecs:UpdateService on resource: " + EcsFixtures.SERVICE_ARN
                            + " because no identity-based policy allows the ecs:UpdateService action")));

            assertThatThrownBy(() -> ecs.setDesiredCount(PROD, 6))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("IAM action ecs:UpdateService on resource " + EcsFixtures.SERVICE_ARN + " was refused")
                    .hasMessageContaining("tdev-ops iam-policy");
            wm.verify(1, postRequestedFor(urlEqualTo("/")));
        }

        @Test
        void accessDeniedWithoutAResourceInTheMessageNamesTheConfiguredService() {
            wm.stubFor(json(target("UpdateService")).willReturn(jsonError(400, "AccessDeniedException", "Access denied")));

            assertThatThrownBy(() -> ecs.setDesiredCount(PROD, 6))
                    .hasMessageContaining("IAM action ecs:UpdateService on ECS service '" + PROD + "' (environment config field ecs.service)");
        }

        @Test
        void failureMessagesNeverCarryTheSecretKey() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonError(400, "UnrecognizedClientException",
                    "The security token included in the request is invalid. Key AKIAIOSFODNN7EXAMPLE")));

            assertThatThrownBy(() -> ecs.describeService(PROD))
                    .hasMessageContaining("AWS rejected the credentials")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(AwsWireFixture.SECRET_ACCESS_KEY)
                            .doesNotContain(AwsWireFixture.ACCESS_KEY_ID));
        }
    }

    @Nested
    class TaskDefinitions {
        @Test
        void describesWithTagsAndMapsContainersAndTags() {
            wm.stubFor(json(target("DescribeTaskDefinition"))
                    .willReturn(jsonOk(EcsFixtures.taskDefinition(42, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:v2.0.41"))));

            TaskDefinition td = ecs.describeTaskDefinition("t-developer-backend:42");

            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("DescribeTaskDefinition")))
                    .withRequestBody(equalToJson("{\"taskDefinition\":\"t-developer-backend:42\",\"include\":[\"TAGS\"]}")));
            assertThat(td.ref()).isEqualTo(new TaskDefinitionRef("t-developer-backend", 42));
            assertThat(td.arn()).isEqualTo(taskDefinitionArn("t-developer-backend", 42));
            assertThat(td.active()).isTrue();
            assertThat(td.containers()).containsExactly(
                    new Container("backend", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:v2.0.41", true),
                    new Container("log-router", "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4", false));
            assertThat(td.tags()).containsEntry("tdev:known-good", "2026-11-25T10:00:00Z").containsEntry("team", "t-developer");
            assertThat(td.registeredAt()).isEqualTo(Instant.ofEpochSecond(1764075000L));
        }

        @Test
        void listsRevisionsNewestFirstOverPagesAndOnlyOfTheFamily() {
            wm.stubFor(json(target("ListTaskDefinitions")).withRequestBody(matchingJsonPath("$[?(!@.nextToken)]"))
                    .willReturn(jsonOk("""
                            {"taskDefinitionArns": ["%s", "%s"], "nextToken": "page-2"}"""
                            .formatted(taskDefinitionArn("t-developer-backend", 43), taskDefinitionArn("t-developer-backend-worker", 9)))));
            wm.stubFor(json(target("ListTaskDefinitions")).withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
                    .willReturn(jsonOk("""
                            {"taskDefinitionArns": ["%s", "%s"]}"""
                            .formatted(taskDefinitionArn("t-developer-backend", 42), taskDefinitionArn("t-developer-backend", 40)))));

            List<TaskDefinitionRef> refs = ecs.listTaskDefinitions("t-developer-backend", true);

            assertThat(refs).extracting(TaskDefinitionRef::revision).containsExactly(43, 42, 40);
            wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("ListTaskDefinitions")))
                    .withRequestBody(matchingJsonPath("$.familyPrefix", equalTo("t-developer-backend")))
                    .withRequestBody(matchingJsonPath("$.sort", equalTo("DESC")))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("ACTIVE"))));
        }

        @Test
        void registersACloneOfTheCurrentRevisionWithTheNewImageAndItsTagsButNotKnownGood() {
            String oldImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:v2.0.41";
            String newImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/t-developer-backend-production:v2.0.42";
            wm.stubFor(json(target("DescribeTaskDefinition")).willReturn(jsonOk(EcsFixtures.taskDefinition(42, oldImage))));
            wm.stubFor(json(target("RegisterTaskDefinition")).willReturn(jsonOk(EcsFixtures.registeredTaskDefinition(44, newImage))));
            TaskDefinition base = ecs.describeTaskDefinition("t-developer-backend:42");

            TaskDefinitionRef registered = ecs.registerTaskDefinition(base, Map.of("backend", newImage));

            assertThat(registered).isEqualTo(new TaskDefinitionRef("t-developer-backend", 44));
            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("RegisterTaskDefinition")))
                    .withRequestBody(equalToJson("""
                            {
                              "family": "t-developer-backend",
                              "taskRoleArn": "arn:aws:iam::123456789012:role/t-developer-task-production",
                              "executionRoleArn": "arn:aws:iam::123456789012:role/t-developer-execution-production",
                              "networkMode": "awsvpc",
                              "containerDefinitions": %s,
                              "volumes": [{"name": "scratch", "host": {}}],
                              "placementConstraints": [],
                              "requiresCompatibilities": ["FARGATE"],
                              "cpu": "1024",
                              "memory": "2048",
                              "runtimePlatform": {"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"},
                              "ephemeralStorage": {"sizeInGiB": 30},
                              "enableFaultInjection": false,
                              "tags": [{"key": "team", "value": "t-developer"}]
                            }""".formatted(EcsFixtures.containerDefinitions(newImage)))));
        }

        @Test
        void theCloneCopiesEveryFieldRegisterTaskDefinitionTakes() {
            assertThat(AwsEcs.TaskDefinitionClone.copiedMembers()).contains("containerDefinitions", "family", "taskRoleArn",
                    "executionRoleArn", "networkMode", "volumes", "placementConstraints", "requiresCompatibilities", "cpu",
                    "memory", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage",
                    "runtimePlatform", "enableFaultInjection");
        }
    }

    @Nested
    class ServiceUpdates {
        @Test
        void updateServicePointsTheServiceAtTheRevisionAndReturnsTheNewPrimaryDeployment() {
            wm.stubFor(json(target("UpdateService"))
                    .willReturn(jsonOk("{\"service\": " + serviceDeploying(taskDefinitionArn("t-developer-backend", 43)) + "}")));

            String id = ecs.updateService(PROD, new TaskDefinitionRef("t-developer-backend", 43));

            assertThat(id).isEqualTo("ecs-svc/9223370461569286731");
            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("UpdateService")))
                    .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + SERVICE
                            + "\",\"taskDefinition\":\"t-developer-backend:43\"}")));
        }

        @Test
        void setDesiredCountSendsOnlyTheCount() {
            wm.stubFor(json(target("UpdateService"))
                    .willReturn(jsonOk("{\"service\": " + EcsFixtures.serviceStable(SERVICE) + "}")));

            ecs.setDesiredCount(PROD, 10);

            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("UpdateService")))
                    .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + SERVICE + "\",\"desiredCount\":10}")));
        }

        @Test
        void updatingAMissingServiceNamesItAndTheConfigField() {
            wm.stubFor(json(target("UpdateService")).willReturn(jsonError(400, "ServiceNotFoundException", "Service not found.")));

            assertThatThrownBy(() -> ecs.setDesiredCount(PROD, 3))
                    .isInstanceOf(PreconditionFailedException.class)
                    .hasMessageContaining("ECS service '" + PROD + "' (environment config field ecs.service) was not found");
        }

        @Test
        void stopsTheInProgressServiceDeploymentWithRollback() {
            String sdArn = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/t-developer-cluster-production/t-developer-service-production/NCWGC2ZR-taawPAYrIaU5";
            wm.stubFor(json(target("ListServiceDeployments")).willReturn(jsonOk("""
                    {"serviceDeployments": [{
                       "serviceDeploymentArn": "%s",
                       "serviceArn": "%s",
                       "clusterArn": "%s",
                       "startedAt": 1764161401.0,
                       "createdAt": 1764161400.0,
                       "targetServiceRevisionArn": "arn:aws:ecs:eu-west-1:123456789012:service-revision/t-developer-cluster-production/t-developer-service-production/4980306466373577095",
                       "status": "IN_PROGRESS"}]}""".formatted(sdArn, EcsFixtures.SERVICE_ARN, EcsFixtures.CLUSTER_ARN))));
            wm.stubFor(json(target("StopServiceDeployment")).willReturn(jsonOk("{\"serviceDeploymentArn\": \"" + sdArn + "\"}")));

            ecs.stopDeployment(PROD, "ecs-svc/9223370461569286731");

            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("ListServiceDeployments")))
                    .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + SERVICE
                            + "\",\"status\":[\"PENDING\",\"IN_PROGRESS\"]}")));
            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("StopServiceDeployment")))
                    .withRequestBody(equalToJson("{\"serviceDeploymentArn\":\"" + sdArn + "\",\"stopType\":\"ROLLBACK\"}")));
        }
    }

    @Nested
    class Tags {
        private final String arn = taskDefinitionArn("t-developer-backend", 42);

        @BeforeEach
        void revisionExists() {
            wm.stubFor(json(target("DescribeTaskDefinition")).willReturn(jsonOk(EcsFixtures.taskDefinition(42, "repo:v1"))));
        }

        @Test
        void tagsTheRevisionByItsArn() {
            wm.stubFor(json(target("TagResource")).willReturn(jsonOk("{}")));

            ecs.tagTaskDefinition(new TaskDefinitionRef("t-developer-backend", 42), Map.of("tdev:known-good", "2026-11-26T14:00:00Z"));

            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("TagResource")))
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + arn
                            + "\",\"tags\":[{\"key\":\"tdev:known-good\",\"value\":\"2026-11-26T14:00:00Z\"}]}")));
        }

        @Test
        void untagsTheRevisionByItsArn() {
            wm.stubFor(json(target("UntagResource")).willReturn(jsonOk("{}")));

            ecs.untagTaskDefinition(new TaskDefinitionRef("t-developer-backend", 42), List.of("tdev:known-good"));

            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("UntagResource")))
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + arn + "\",\"tagKeys\":[\"tdev:known-good\"]}")));
        }

        @Test
        void readsTheRevisionsTagsAndLooksUpItsArnOnlyOnce() {
            wm.stubFor(json(target("ListTagsForResource")).willReturn(jsonOk("""
                    {"tags": [{"key": "tdev:known-good", "value": "2026-11-25T10:00:00Z"}, {"key": "team", "value": "t-developer"}]}""")));
            TaskDefinitionRef ref = new TaskDefinitionRef("t-developer-backend", 42);

            assertThat(ecs.tagsOf(ref)).containsExactly(Map.entry("tdev:known-good", "2026-11-25T10:00:00Z"), Map.entry("team", "t-developer"));
            ecs.tagsOf(ref);

            wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("ListTagsForResource")))
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + arn + "\"}")));
            wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("DescribeTaskDefinition"))));
        }
    }

    @Nested
    class ServiceTags {
        private final String serviceArn = "arn:aws:ecs:eu-west-1:" + AwsWireFixture.ACCOUNT
                + ":service/t-developer-cluster-production/" + SERVICE;

        @BeforeEach
        void serviceExists() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonOk(EcsFixtures.describeStable(List.of(SERVICE)))));
        }

        @Test
        void tagsTheServiceByTheArnDescribeServicesGivesAndLooksItUpOnce() {
            wm.stubFor(json(target("TagResource")).willReturn(jsonOk("{}")));
            wm.stubFor(json(target("UntagResource")).willReturn(jsonOk("{}")));
            ServiceRef ref = new ServiceRef("t-developer-cluster-production", SERVICE);

            ecs.tagService(ref, Map.of("tdev:traffic-event", "desired=3 min=2 max=20 db=- at=2026-11-26T09:00:00Z by=alice"));
            ecs.untagService(ref, List.of("tdev:traffic-event"));

            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("TagResource")))
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + serviceArn + "\",\"tags\":[{\"key\":"
                            + "\"tdev:traffic-event\",\"value\":\"desired=3 min=2 max=20 db=- at=2026-11-26T09:00:00Z by=alice\"}]}")));
            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("UntagResource")))
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + serviceArn + "\",\"tagKeys\":[\"tdev:traffic-event\"]}")));
            wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("DescribeServices"))));
        }

        @Test
        void readsTheServicesTags() {
            wm.stubFor(json(target("ListTagsForResource")).willReturn(jsonOk("""
                    {"tags": [{"key": "tdev:traffic-event", "value": "desired=3"}, {"key": "team", "value": "t-developer"}]}""")));

            assertThat(ecs.serviceTags(new ServiceRef("t-developer-cluster-production", SERVICE)))
                    .containsExactly(Map.entry("tdev:traffic-event", "desired=3"), Map.entry("team", "t-developer"));
            wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("ListTagsForResource")))
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + serviceArn + "\"}")));
        }

        @Test
        void aDeniedTagCallNamesTheActionAndTheService() {
            wm.stubFor(json(target("TagResource")).willReturn(jsonError(400, "AccessDeniedException",
                    AwsWireFixture.deniedMessage("ecs:TagResource", serviceArn))));

            assertThatThrownBy(() -> ecs.tagService(new ServiceRef("t-developer-cluster-production", SERVICE),
                    Map.of("k", "v"))).isInstanceOf(RemoteFailureException.class)
                    .hasMessageContaining("ecs:TagResource").hasMessageContaining(serviceArn);
        }
    }

    @Nested
    class Waiter {
        @Test
        void waitsWhileTheDeploymentIsInProgressUntilTheServiceIsStable() {
            String inProgress = describeServicesResponse(List.of(serviceDeploying(taskDefinitionArn("t-developer-backend", 43))), "[]");
            faultsThenOk(wm, () -> json(target("DescribeServices")), 2, jsonOk(inProgress), jsonOk(EcsFixtures.describeStable(List.of(SERVICE))));

            List<String> progress = new ArrayList<>();

            ServiceState stable = ecs.waitUntilStable(PROD, Duration.ofMinutes(15), progress::add);

            assertThat(progress).hasSize(2).allSatisfy(line -> assertThat(line)
                    .startsWith("waiting for ECS service " + PROD + " to become stable").endsWith(" of 15m"));
            assertThat(stable.stable()).isTrue();
            assertThat(stable.primaryDeployment().orElseThrow().rolloutState()).isEqualTo(RolloutState.COMPLETED);
            wm.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("DescribeServices"))));
        }

        @Test
        void givesUpAfterTheTimeoutWithARetryableFailure() {
            String inProgress = describeServicesResponse(List.of(serviceDeploying(taskDefinitionArn("t-developer-backend", 43))), "[]");
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonOk(inProgress).withFixedDelay(50)));
            AwsEcs slowPoll = new AwsEcs(factory.ecs(), TestEnvironments.production(),
                    BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100)));

            assertThatThrownBy(() -> slowPoll.waitUntilStable(PROD, Duration.ofMillis(400)))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("did not become stable within 400ms");
        }

        @Test
        void aMissingClusterWhileWaitingNamesItAndTheConfigField() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonError(400, "ClusterNotFoundException", "Cluster not found.")));

            assertThatThrownBy(() -> ecs.waitUntilStable(PROD, Duration.ofMinutes(1)))
                    .isInstanceOf(PreconditionFailedException.class)
                    .hasMessageContaining("ECS cluster '" + CLUSTER + "' (environment config field ecs.cluster) was not found");
        }

        @Test
        void throttlingWhileWaitingIsARetryableFailureNamingTheApi() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")));

            assertThatThrownBy(() -> ecs.waitUntilStable(PROD, Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("ecs:DescribeServices was throttled");
        }

        @Test
        void aMissingServiceFailsTheWaitAtOnce() {
            wm.stubFor(json(target("DescribeServices")).willReturn(jsonOk(describeServicesResponse(List.of(),
                    "[{\"arn\":\"" + EcsFixtures.SERVICE_ARN + "\",\"reason\":\"MISSING\"}]"))));

            assertThatThrownBy(() -> ecs.waitUntilStable(PROD, Duration.ofMinutes(1)))
                    .isInstanceOf(PreconditionFailedException.class)
                    .hasMessageContaining("ecs.cluster and ecs.service");
            wm.verify(1, postRequestedFor(urlEqualTo("/")));
        }
    }

    // ---- the contract's world, as ECS answers it

    /** The world's stubs rank below the nested tests' own (WireMock's default priority is 5) and above catch-alls. */
    private static final int WORLD = 6;
    private static final int CATCH_ALL = 9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Ecs ecs() {
        return ecs;
    }

    @Override
    protected void givenTheSteadyService() {
        String steady = steadyService();
        wm.stubFor(json(target("DescribeServices")).atPriority(WORLD)
                .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"services\":[\"" + SERVICE + "\"]}"))
                .willReturn(jsonOk(describeServicesResponse(List.of(steady), "[]"))));
        wm.stubFor(json(target("DescribeServices")).atPriority(WORLD)
                .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"services\":[\"" + SERVICE + "\",\""
                        + UNKNOWN_SERVICE + "\"]}"))
                .willReturn(jsonOk(describeServicesResponse(List.of(steady), missing(UNKNOWN_SERVICE)))));
        wm.stubFor(json(target("DescribeServices")).atPriority(WORLD)
                .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"services\":[\"" + UNKNOWN_SERVICE + "\"]}"))
                .willReturn(jsonOk(describeServicesResponse(List.of(), missing(UNKNOWN_SERVICE)))));
        wm.stubFor(json(target("DescribeServices")).atPriority(WORLD)
                .withRequestBody(matchingJsonPath("$.cluster", equalTo(UNKNOWN_CLUSTER)))
                .willReturn(jsonError(400, "ClusterNotFoundException", "Cluster not found.")));
        for (int r = OLDEST_ACTIVE - 3; r <= CURRENT; r++) {
            wm.stubFor(json(target("DescribeTaskDefinition")).atPriority(WORLD)
                    .withRequestBody(matchingJsonPath("$.taskDefinition", matching("\\Q" + FAMILY + ":" + r + "\\E|\\Q"
                            + arn(r) + "\\E" + (r == CURRENT ? "|\\Q" + FAMILY + "\\E" : ""))))
                    .willReturn(jsonOk(revisionJson(r, r >= OLDEST_ACTIVE ? "ACTIVE" : "INACTIVE"))));
            wm.stubFor(json(target("ListTagsForResource")).atPriority(WORLD)
                    .withRequestBody(equalToJson("{\"resourceArn\":\"" + arn(r) + "\"}"))
                    .willReturn(jsonOk("{\"tags\": " + tagsJson(r) + "}")));
        }
        wm.stubFor(json(target("DescribeTaskDefinition")).atPriority(CATCH_ALL)
                .willReturn(jsonError(400, "ClientException", "Unable to describe task definition.")));
        // two pages of ACTIVE revisions, then the INACTIVE ones: the adapter must follow nextToken
        wm.stubFor(json(target("ListTaskDefinitions")).atPriority(WORLD)
                .withRequestBody(equalToJson("{\"familyPrefix\":\"" + FAMILY + "\",\"status\":\"ACTIVE\",\"sort\":\"DESC\"}"))
                .willReturn(jsonOk(arnsPage(List.of(42, 41, 40), "page-2"))));
        wm.stubFor(json(target("ListTaskDefinitions")).atPriority(WORLD)
                .withRequestBody(equalToJson("{\"familyPrefix\":\"" + FAMILY + "\",\"status\":\"ACTIVE\",\"sort\":\"DESC\","
                        + "\"nextToken\":\"page-2\"}"))
                .willReturn(jsonOk(arnsPage(List.of(39, 38), null))));
        wm.stubFor(json(target("ListTaskDefinitions")).atPriority(WORLD)
                .withRequestBody(equalToJson("{\"familyPrefix\":\"" + FAMILY + "\",\"status\":\"INACTIVE\",\"sort\":\"DESC\"}"))
                .willReturn(jsonOk(arnsPage(List.of(37, 36, 35), null))));
        wm.stubFor(json(target("TagResource")).atPriority(WORLD).willReturn(jsonOk("{}")));
        wm.stubFor(json(target("UntagResource")).atPriority(WORLD).willReturn(jsonOk("{}")));
        wm.stubFor(json(target("UpdateService")).atPriority(WORLD).willReturn(jsonOk("{\"service\": " + steady + "}")));
        wm.stubFor(json(target("ListServiceDeployments")).atPriority(WORLD).willReturn(jsonOk("{\"serviceDeployments\": []}")));
        wm.stubFor(json(target("RegisterTaskDefinition")).atPriority(WORLD)
                .willReturn(jsonOk(revisionJson(CURRENT + 1, "ACTIVE"))));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(json(PREFIX + iamAction.substring("ecs:".length())).atPriority(1)
                .willReturn(AwsWireFixture.jsonRefusal(refusal, iamAction, EcsFixtures.SERVICE_ARN)));
    }

    @Override
    protected Map<String, String> tagsWrittenTo(int revision) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode body : sent("TagResource")) {
            if (body.path("resourceArn").asText().equals(arn(revision))) {
                body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
            }
        }
        return tags;
    }

    @Override
    protected int desiredCountSet() {
        return last(sent("UpdateService")).path("desiredCount").asInt(-1);
    }

    @Override
    protected TaskDefinitionRef revisionServiceWasPointedAt() {
        return TaskDefinitionRef.parse(last(sent("UpdateService")).path("taskDefinition").asText());
    }

    @Override
    protected TaskDefinition registered(TaskDefinitionRef ref) {
        JsonNode body = last(sent("RegisterTaskDefinition"));
        List<Container> containers = new ArrayList<>();
        body.path("containerDefinitions").forEach(c -> containers.add(new Container(c.path("name").asText(),
                c.path("image").asText(), c.path("essential").asBoolean(true))));
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        assertThat(body.path("family").asText()).isEqualTo(ref.family());
        return new TaskDefinition(ref, arn(ref.revision()), "ACTIVE", containers, tags, null);
    }

    @Override
    protected void thenNoDeploymentWasStopped() {
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target("StopServiceDeployment"))));
    }

    private static List<JsonNode> sent(String operation) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest r : wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target(operation))))) {
            try {
                bodies.add(JSON.readTree(r.getBodyAsString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return bodies;
    }

    private static JsonNode last(List<JsonNode> bodies) {
        assertThat(bodies).as("requests sent").isNotEmpty();
        return bodies.get(bodies.size() - 1);
    }

    private static String missing(String service) {
        return "[{\"arn\":\"arn:aws:ecs:eu-west-1:" + AwsWireFixture.ACCOUNT + ":service/" + CLUSTER + "/" + service
                + "\",\"reason\":\"MISSING\"}]";
    }

    private static String arnsPage(List<Integer> revisions, String nextToken) {
        return "{\"taskDefinitionArns\": [" + String.join(", ", revisions.stream().map(r -> "\"" + arn(r) + "\"").toList())
                + "]" + (nextToken != null ? ", \"nextToken\": \"" + nextToken + "\"" : "") + "}";
    }

    private static String tagsJson(int revision) {
        return revision == CURRENT
                ? "[{\"key\": \"service\", \"value\": \"t-developer\"}, {\"key\": \"" + KNOWN_GOOD_TAG + "\", \"value\": \"true\"}]"
                : "[{\"key\": \"service\", \"value\": \"t-developer\"}]";
    }

    /** A revision as DescribeTaskDefinition (include TAGS) and RegisterTaskDefinition answer it. */
    private static String revisionJson(int revision, String status) {
        return """
                {
                  "taskDefinition": {
                    "taskDefinitionArn": "%s",
                    "containerDefinitions": [
                      {"name": "t-developer-backend", "image": "%s", "cpu": 0, "essential": true,
                       "portMappings": [{"containerPort": 8000, "hostPort": 8000, "protocol": "tcp"}],
                       "environment": [], "mountPoints": [], "volumesFrom": []},
                      {"name": "xray-daemon", "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.13", "cpu": 32,
                       "essential": false, "portMappings": [{"containerPort": 2000, "hostPort": 2000, "protocol": "udp"}],
                       "environment": [], "mountPoints": [], "volumesFrom": []}
                    ],
                    "family": "%s",
                    "taskRoleArn": "arn:aws:iam::123456789012:role/t-developer-task-production",
                    "executionRoleArn": "arn:aws:iam::123456789012:role/t-developer-execution-production",
                    "networkMode": "awsvpc",
                    "revision": %d,
                    "volumes": [],
                    "status": "%s",
                    "compatibilities": ["EC2", "FARGATE"],
                    "requiresCompatibilities": ["FARGATE"],
                    "cpu": "1024",
                    "memory": "2048",
                    "registeredAt": %d.0,
                    "registeredBy": "arn:aws:sts::123456789012:assumed-role/jenkins-deployer/build-118"
                  },
                  "tags": %s
                }""".formatted(arn(revision), image(revision), FAMILY, revision, status,
                1763856000L + 86_400L * revision, tagsJson(revision));
    }

    /** The configured service steady on the current revision: one COMPLETED PRIMARY deployment, running = desired. */
    private static String steadyService() {
        return """
                {
                  "serviceArn": "%s",
                  "serviceName": "%s",
                  "clusterArn": "%s",
                  "loadBalancers": [{"targetGroupArn": "%s", "containerName": "t-developer-backend", "containerPort": 8000}],
                  "status": "ACTIVE",
                  "desiredCount": %d,
                  "runningCount": %d,
                  "pendingCount": 0,
                  "launchType": "FARGATE",
                  "platformVersion": "LATEST",
                  "taskDefinition": "%s",
                  "deploymentConfiguration": {
                    "deploymentCircuitBreaker": {"enable": true, "rollback": false},
                    "maximumPercent": 200,
                    "minimumHealthyPercent": 100
                  },
                  "deployments": [{
                    "id": "ecs-svc/4602188362711148313",
                    "status": "PRIMARY",
                    "taskDefinition": "%s",
                    "desiredCount": %d, "pendingCount": 0, "runningCount": %d, "failedTasks": 0,
                    "createdAt": 1763942400.0, "updatedAt": 1763942700.0,
                    "launchType": "FARGATE",
                    "rolloutState": "COMPLETED",
                    "rolloutStateReason": "ECS deployment ecs-svc/4602188362711148313 completed."
                  }],
                  "events": [{"id": "5b1c7a9e-8f43-4c2a-9d7e-0e6a2f1b3c4d", "createdAt": 1763942700.0,
                              "message": "(service %s) has reached a steady state."}]
                }""".formatted(EcsFixtures.SERVICE_ARN, SERVICE, EcsFixtures.CLUSTER_ARN, EcsFixtures.TG_ARN, DESIRED, DESIRED,
                arn(CURRENT), arn(CURRENT), DESIRED, DESIRED, SERVICE);
    }

    private static int countOf(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

}
