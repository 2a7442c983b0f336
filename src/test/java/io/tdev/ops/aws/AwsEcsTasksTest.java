package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.EcsTask;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ServiceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.TestEnvironments.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** restart-agent's ECS calls over the wire: ListTasks (every page), DescribeTasks (batches of 100), StopTask. */
class AwsEcsTasksTest {
    private static final String PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final ServiceRef AGENT = new ServiceRef(CLUSTER, "t-developer-search-agent-production");
    private static final long STARTED = 1_764_000_000L;

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

    private static String arn(int i) {
        return "arn:aws:ecs:eu-west-1:123456789012:task/" + CLUSTER + "/" + String.format("%032x", i);
    }

    private static String arns(IntStream ids) {
        return ids.mapToObj(i -> "\"" + arn(i) + "\"").collect(Collectors.joining(","));
    }

    /** DescribeTasks' answer for the ARNs asked, the newest task still PENDING (no startedAt yet). */
    private static String described(List<Integer> ids, int pending) {
        return "{\"tasks\": [" + ids.stream().map(i -> "{\"taskArn\": \"" + arn(i) + "\", \"clusterArn\":"
                + " \"arn:aws:ecs:eu-west-1:123456789012:cluster/" + CLUSTER + "\", \"group\": \"service:" + AGENT.service()
                + "\", \"lastStatus\": \"" + (i == pending ? "PENDING" : "RUNNING") + "\", \"desiredStatus\": \"RUNNING\","
                + " \"launchType\": \"FARGATE\"" + (i == pending ? "" : ", \"startedAt\": " + (STARTED - i)) + "}")
                .collect(Collectors.joining(",")) + "], \"failures\": []}";
    }

    @Test
    void serviceTasksReadsEveryPageThenDescribesInBatchesOfAHundredOldestFirst() {
        wm.stubFor(json(PREFIX + "ListTasks").withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
                .willReturn(jsonOk("{\"taskArns\": [" + arns(IntStream.of(100)) + "]}")));
        wm.stubFor(json(PREFIX + "ListTasks").withRequestBody(matchingJsonPath("$.serviceName", equalTo(AGENT.service())))
                .atPriority(9).willReturn(jsonOk("{\"taskArns\": [" + arns(IntStream.range(0, 100)) + "], \"nextToken\": \"page-2\"}")));
        wm.stubFor(json(PREFIX + "DescribeTasks").withRequestBody(matchingJsonPath("$.tasks.length()", equalTo("100")))
                .willReturn(jsonOk(described(IntStream.range(0, 100).boxed().toList(), -1))));
        wm.stubFor(json(PREFIX + "DescribeTasks").withRequestBody(matchingJsonPath("$.tasks.length()", equalTo("1")))
                .willReturn(jsonOk(described(List.of(100), 100))));

        List<EcsTask> tasks = ecs.serviceTasks(AGENT);

        assertThat(tasks).hasSize(101);
        assertThat(tasks.get(0).arn()).isEqualTo(arn(99)); // started first
        assertThat(tasks.get(0).startedAt()).isEqualTo(Instant.ofEpochSecond(STARTED - 99));
        assertThat(tasks.get(100).lastStatus()).isEqualTo("PENDING");
        assertThat(tasks.get(100).running()).isFalse();
        assertThat(tasks.get(0).group()).isEqualTo("service:" + AGENT.service());
        List<LoggedRequest> lists = wm.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(PREFIX + "ListTasks")));
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).getBodyAsString()).contains("\"cluster\":\"" + CLUSTER + "\"",
                "\"serviceName\":\"" + AGENT.service() + "\"", "\"desiredStatus\":\"RUNNING\"");
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PREFIX + "DescribeTasks")));
    }

    @Test
    void aServiceWithoutTasksIsNotDescribed() {
        wm.stubFor(json(PREFIX + "ListTasks").willReturn(jsonOk("{\"taskArns\": []}")));

        assertThat(ecs.serviceTasks(AGENT)).isEmpty();
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PREFIX + "DescribeTasks")));
    }

    @Test
    void throttledListTasksIsRetriedThenAnswered() {
        faultsThenOk(wm, () -> json(PREFIX + "ListTasks"), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"taskArns\": [" + arns(IntStream.of(7)) + "]}"));
        wm.stubFor(json(PREFIX + "DescribeTasks").willReturn(jsonOk(described(List.of(7), -1))));

        assertThat(ecs.serviceTasks(AGENT)).extracting(EcsTask::id).containsExactly(String.format("%032x", 7));
        wm.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PREFIX + "ListTasks")));
    }

    @Test
    void aMissingServiceIsAPreconditionNamingIt() {
        wm.stubFor(json(PREFIX + "ListTasks").willReturn(jsonError(400, "ServiceNotFoundException", "Service not found.")));

        assertThatThrownBy(() -> ecs.serviceTasks(AGENT)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(AGENT.service());
    }

    @Test
    void stopTaskSendsTheClusterTheTaskAndTheReason() {
        wm.stubFor(json(PREFIX + "StopTask").willReturn(jsonOk("{\"task\": {\"taskArn\": \"" + arn(3)
                + "\", \"lastStatus\": \"RUNNING\", \"desiredStatus\": \"STOPPED\", \"stopCode\": \"UserInitiated\"}}")));

        ecs.stopTask(CLUSTER, arn(3), "tdev-ops restart-agent search by alice: P2 incident");

        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PREFIX + "StopTask"))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo(CLUSTER)))
                .withRequestBody(matchingJsonPath("$.task", equalTo(arn(3))))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("tdev-ops restart-agent search by alice: P2 incident"))));
    }

    @Test
    void aDeniedStopTaskNamesTheIamAction() {
        wm.stubFor(json(PREFIX + "StopTask").willReturn(jsonError(400, "AccessDeniedException",
                AwsWireFixture.deniedMessage("ecs:StopTask", arn(3)))));

        assertThatThrownBy(() -> ecs.stopTask(CLUSTER, arn(3), "P2"))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("IAM action ecs:StopTask")
                .hasMessageContaining("tdev-ops iam-policy");
        wm.verify(1, postRequestedFor(urlEqualTo("/")));
    }
}
