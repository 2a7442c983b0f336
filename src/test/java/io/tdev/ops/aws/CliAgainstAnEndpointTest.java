package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI command lines of the simulated runs, with {@code --region} and {@code --endpoint-url} instead of
 * {@code --simulate}, against WireMock as the AWS-compatible endpoint; credentials come from the SDK's default
 * chain (here its system properties), as they would from the environment.
 */
class CliAgainstAnEndpointTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private String oldKey;
    private String oldSecret;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void credentialsInTheDefaultChain() {
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
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void healthAgainstTheEndpointIsExitZeroWithTheJsonContract() throws Exception {
        AwsEngineOverTheWireTest.stubHealthySignals(wm, "");

        int exit = run("health", "--region", "eu-west-1", "--endpoint-url", wm.baseUrl(),
                "--signals", "ecs-service,alarms,target-health,cpu,memory", "--output", "json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode health = new ObjectMapper().readTree(out.toString());
        assertThat(health.get("status").asText()).isEqualTo("HEALTHY");
        assertThat(health.get("signals")).hasSize(5);
        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeServices"))
                .withHeader("User-Agent", containing("tdev-ops/"))
                .withHeader("Authorization", matching(".*Credential=" + AwsWireFixture.ACCESS_KEY_ID + "/\\d{8}/eu-west-1/ecs/.*")));
    }

    @Test
    void aDryRunScaleAgainstTheEndpointPlansAndChangesNothing() {
        wm.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeServices").willReturn(jsonOk(AwsEngineOverTheWireTest.service(2, 2))));
        wm.stubFor(json("AnyScaleFrontendService.DescribeScalableTargets").willReturn(jsonOk("{\"ScalableTargets\": []}")));

        int exit = run("scale", "--count", "p0", "--dry-run", "--region", "eu-west-1", "--endpoint-url", wm.baseUrl());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("would scale t-developer-service-production from 2 to 10");
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.UpdateService")));
    }
}
