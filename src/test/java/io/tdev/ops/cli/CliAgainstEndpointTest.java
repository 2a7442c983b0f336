package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.aws.AwsEngineOverTheWireTest;
import io.tdev.ops.aws.AwsWireFixture;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line that works with --simulate, pointed at an AWS-compatible endpoint instead: the real AWS
 * connection and SDK clients, speaking the AWS wire protocols to WireMock; credentials come from the SDK's default
 * chain (here its system properties), as they would from the environment.
 */
class CliAgainstEndpointTest {
    private static final String DESCRIBE_SERVICES = "AmazonEC2ContainerServiceV20141113.DescribeServices";
    private static final String TASK_DEFINITION =
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/t-developer-backend-production:42";

    @RegisterExtension
    static WireMockExtension aws = AwsWireFixture.extension();

    private String oldKey;
    private String oldSecret;
    private final CliOutput printed = CliOutput.ofAllRuns();

    @BeforeEach
    void credentialsInTheDefaultChain() {
        // the SDK's default credentials chain reads these before the environment and profiles
        oldKey = System.setProperty("aws.accessKeyId", AwsWireFixture.ACCESS_KEY_ID);
        oldSecret = System.setProperty("aws.secretAccessKey", AwsWireFixture.SECRET_ACCESS_KEY);
    }

    @AfterEach
    void restore() {
        restore("aws.accessKeyId", oldKey);
        restore("aws.secretAccessKey", oldSecret);
    }

    private static void restore(String key, String old) {
        if (old == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, old);
        }
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine(new Main());
        return printed.run(cli, args);
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

        assertThat(exit).as(printed.out() + "\n" + printed.err()).isZero();
        JsonNode health = new ObjectMapper().readTree(printed.out());
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
        assertThat(printed.out()).contains("status: UNKNOWN").contains("ecs:DescribeServices");
        assertThat(printed.err()).doesNotContain("\tat ").doesNotContain(AwsWireFixture.ACCESS_KEY_ID)
                .doesNotContain("wJalrXUtnFEMI");
    }

    /** The engine's pauses between its own retries of a read: recorded, not waited. */
    private final List<Duration> engineRetryPauses = new ArrayList<>();

    private int runWithoutPauses(String... args) {
        CommandLine cli = Main.commandLine(new Main(new EnvironmentSessions(engineRetryPauses::add)));
        return printed.run(cli, args);
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

        assertThat(exit).as(printed.out() + "\n" + printed.err()).isZero();
        assertThat(printed.out()).contains("status: HEALTHY");
        aws.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES)));
        assertThat(engineRetryPauses).isEmpty();
    }

    @Test
    void maxAttemptsOneIsTheWholeBudgetOfARead() {
        describeServicesFailsThenAnswers(4);

        int exit = runWithoutPauses("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl(), "--max-attempts", "1", "--retry-mode", "adaptive");

        // one retry layer owns the budget: the SDK's; the engine does not multiply it with its own retries
        assertThat(exit).as(printed.out() + "\n" + printed.err()).isEqualTo(1);
        assertThat(printed.out()).contains("status: UNKNOWN");
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES)));
        assertThat(engineRetryPauses).isEmpty();
    }

    @Test
    void anAttemptSlowerThanTheAttemptTimeoutIsAbandoned() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(steadyService()).withFixedDelay(3_000)));

        int exit = runWithoutPauses("health", "--signals", "ecs-service", "--region", "eu-west-1",
                "--endpoint-url", aws.baseUrl(), "--api-call-attempt-timeout-seconds", "1",
                "--api-call-timeout-seconds", "1", "--max-attempts", "1");

        assertThat(exit).as(printed.out() + "\n" + printed.err()).isEqualTo(1);
        assertThat(printed.out()).contains("status: UNKNOWN").contains("timed out");
    }

    @Test
    void healthOfEverySignalAgainstTheEndpointIsExitZeroWithTheJsonContract() throws Exception {
        AwsEngineOverTheWireTest.stubHealthySignals(aws, "");

        int exit = run("health", "--region", "eu-west-1", "--endpoint-url", aws.baseUrl(),
                "--signals", "ecs-service,alarms,target-health,cpu,memory", "--output", "json");

        assertThat(exit).as(printed.err()).isZero();
        JsonNode health = new ObjectMapper().readTree(printed.out());
        assertThat(health.get("status").asText()).isEqualTo("HEALTHY");
        assertThat(health.get("signals")).hasSize(5);
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(DESCRIBE_SERVICES))
                .withHeader("User-Agent", containing("tdev-ops/"))
                .withHeader("Authorization", matching(".*Credential=" + AwsWireFixture.ACCESS_KEY_ID + "/\\d{8}/eu-west-1/ecs/.*")));
    }

    @Test
    void aDryRunScaleAgainstTheEndpointPlansAndChangesNothing() {
        aws.stubFor(AwsWireFixture.json(DESCRIBE_SERVICES).willReturn(AwsWireFixture.jsonOk(AwsEngineOverTheWireTest.service(2, 2))));
        aws.stubFor(AwsWireFixture.json("AnyScaleFrontendService.DescribeScalableTargets").willReturn(AwsWireFixture.jsonOk("{\"ScalableTargets\": []}")));

        int exit = run("scale", "--count", "p0", "--dry-run", "--region", "eu-west-1", "--endpoint-url", aws.baseUrl());

        assertThat(exit).as(printed.err()).isZero();
        assertThat(printed.out()).contains("would scale t-developer-service-production from 2 to 10");
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.UpdateService")));
    }
}
