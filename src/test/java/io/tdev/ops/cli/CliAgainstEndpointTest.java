package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line that works with --simulate, pointed at an AWS-compatible endpoint instead: the real AWS
 * connection and SDK clients, speaking the ECS JSON protocol to WireMock.
 */
class CliAgainstEndpointTest {
    private static final String DESCRIBE_SERVICES = "AmazonEC2ContainerServiceV20141113.DescribeServices";
    private static final String TASK_DEFINITION =
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/t-developer-backend-production:42";

    private final WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort());
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        aws.start();
        // the SDK's default credentials chain reads these before the environment and profiles
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @AfterEach
    void stop() {
        aws.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private void describeServicesAnswers(int status, String body) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static String steadyService() {
        return """
                {"services": [{
                  "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/t-developer-cluster-production/t-developer-service-production",
                  "serviceName": "t-developer-service-production",
                  "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/t-developer-cluster-production",
                  "status": "ACTIVE", "desiredCount": 3, "runningCount": 3, "pendingCount": 0,
                  "launchType": "FARGATE", "taskDefinition": "%s",
                  "deployments": [{"id": "ecs-svc/9223370461569999999", "status": "PRIMARY", "taskDefinition": "%s",
                    "desiredCount": 3, "pendingCount": 0, "runningCount": 3, "failedTasks": 0,
                    "createdAt": 1764075000.0, "updatedAt": 1764075300.0, "rolloutState": "COMPLETED",
                    "rolloutStateReason": "ECS deployment ecs-svc/9223370461569999999 completed."}],
                  "events": []}],
                 "failures": []}
                """.formatted(TASK_DEFINITION, TASK_DEFINITION);
    }

    @Test
    void healthReadsTheServiceFromTheEndpoint() throws Exception {
        describeServicesAnswers(200, steadyService());

        int exit = run("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl(), "--output", "json");

        assertThat(exit).as(out + "\n" + err).isZero();
        JsonNode health = new ObjectMapper().readTree(out.toString());
        assertThat(health.get("status").asText()).isEqualTo("HEALTHY");
        assertThat(health.get("signals").get(0).get("name").asText()).isEqualTo("ecs-service");
        assertThat(health.get("signals").get(0).get("value").asText()).contains("3/3");
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                .withRequestBody(containing("t-developer-cluster-production"))
                .withHeader("User-Agent", containing("tdev-ops/")));
    }

    @Test
    void accessDeniedMakesTheSignalUnknownAndTheExitOneWithoutAStackTrace() {
        describeServicesAnswers(400, """
                {"__type": "AccessDeniedException",
                 "message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeServices"}
                """);

        int exit = run("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("status: UNKNOWN").contains("ecs:DescribeServices");
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("AKIDEXAMPLE")
                .doesNotContain("wJalrXUtnFEMI");
    }

    /** The engine's pauses between its own retries of a read: recorded, not waited. */
    private final List<Duration> engineRetryPauses = new ArrayList<>();

    private int runWithoutPauses(String... args) {
        CommandLine cli = Main.commandLine(new Main(new EnvironmentSessions(engineRetryPauses::add)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** DescribeServices fails {@code times} times with a 500 (retryable), then answers. */
    private void describeServicesFailsThenAnswers(int times) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                    .inScenario("flaky").whenScenarioStateIs(state).willSetStateTo("failed " + i)
                    .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody("{\"__type\": \"ServerException\", \"message\": \"internal error\"}")));
            state = "failed " + i;
        }
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                .inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(steadyService())));
    }

    @Test
    void byDefaultTheSdkRetriesA500AndTheReadSucceedsWithoutTheEngineRetrying() {
        describeServicesFailsThenAnswers(2);

        int exit = runWithoutPauses("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("status: HEALTHY");
        aws.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES)));
        assertThat(engineRetryPauses).isEmpty();
    }

    @Test
    void maxAttemptsOneLeavesOnlyTheEnginesRetriesAndTheReadFails() {
        describeServicesFailsThenAnswers(4);

        int exit = runWithoutPauses("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl(), "--max-attempts", "1", "--retry-mode", "adaptive");

        // one HTTP request per engine attempt (4 for a read): the SDK retried none of them
        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("status: UNKNOWN").contains("gave up after 4 attempts");
        aws.verify(4, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES)));
        assertThat(engineRetryPauses).hasSize(3);
    }

    @Test
    void anAttemptSlowerThanTheAttemptTimeoutIsAbandoned() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(steadyService()).withFixedDelay(3_000)));

        int exit = runWithoutPauses("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl(), "--api-call-attempt-timeout-seconds", "1",
                "--api-call-timeout-seconds", "1", "--max-attempts", "1");

        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("status: UNKNOWN").contains("timed out");
    }
}
