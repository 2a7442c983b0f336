package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleUseCase;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthUseCase;
import io.tdev.ops.api.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static io.tdev.ops.aws.TestEnvironments.CLUSTER;
import static io.tdev.ops.aws.TestEnvironments.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's use cases, unchanged, over the AWS adapters against an AWS-compatible endpoint (WireMock): what
 * the CLI does without {@code --simulate} and with {@code --endpoint-url}.
 */
public class AwsEngineOverTheWireTest {
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String AAS = "AnyScaleFrontendService.";

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsConnection aws;
    private OpsContext context;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void connect() {
        aws = AwsConnection.open(AwsClientFactory.create(AwsWireFixture.settings(wm.baseUrl()), null,
                BackoffStrategy.retryImmediately()), TestEnvironments.production());
        Sleeper noWait = d -> { };
        context = new OpsContext(TestEnvironments.production(), aws.ports(), Clock.systemUTC(), noWait, progress::add,
                "on-call");
    }

    @AfterEach
    void close() {
        aws.close();
    }

    /** A steady service of {@code count} tasks behind the ALB target group. */
    public static String service(int desired, int running) {
        return """
                {"services": [{
                  "serviceArn": "%s", "serviceName": "%s", "clusterArn": "%s", "status": "ACTIVE",
                  "desiredCount": %d, "runningCount": %d, "pendingCount": 0, "launchType": "FARGATE",
                  "taskDefinition": "%s",
                  "loadBalancers": [{"targetGroupArn": "%s", "containerName": "backend", "containerPort": 8000}],
                  "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true},
                                              "maximumPercent": 200, "minimumHealthyPercent": 100},
                  "deployments": [{"id": "ecs-svc/1111111111111111111", "status": "PRIMARY", "taskDefinition": "%s",
                    "desiredCount": %d, "pendingCount": 0, "runningCount": %d, "failedTasks": 0,
                    "createdAt": 1764161400.0, "updatedAt": 1764161700.0, "rolloutState": "COMPLETED",
                    "rolloutStateReason": "ECS deployment ecs-svc/1111111111111111111 completed."}],
                  "events": [{"id": "e1", "createdAt": 1764161700.0,
                              "message": "(service t-developer-service-production) has reached a steady state."}]
                }], "failures": []}""".formatted(EcsFixtures.SERVICE_ARN, SERVICE, EcsFixtures.CLUSTER_ARN, desired, running,
                EcsFixtures.taskDefinitionArn("t-developer-backend", 43), EcsFixtures.TG_ARN,
                EcsFixtures.taskDefinitionArn("t-developer-backend", 43), desired, running);
    }

    /** One answer for a batch of queries: the i-th series under wire id q{i}, as AwsMetrics numbers them. */
    static String metricData(List<double[]> series) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            double[] values = series.get(i);
            Instant t = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(values.length, ChronoUnit.MINUTES);
            StringBuilder ts = new StringBuilder();
            StringBuilder vs = new StringBuilder();
            for (double v : values) {
                ts.append("<member>").append(t).append("</member>");
                vs.append("<member>").append(v).append("</member>");
                t = t.plus(1, ChronoUnit.MINUTES);
            }
            members.append("""
                      <member><Id>q%d</Id><Label>q%d</Label><Timestamps>%s</Timestamps><Values>%s</Values>
                        <StatusCode>Complete</StatusCode></member>""".formatted(i, i, ts, vs));
        }
        return AwsMetricsContractTest.page(members.toString(), null);
    }

    static String metricData(String label, double... values) {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(values.length, ChronoUnit.MINUTES);
        StringBuilder ts = new StringBuilder();
        StringBuilder vs = new StringBuilder();
        for (double v : values) {
            ts.append("<member>").append(t).append("</member>");
            vs.append("<member>").append(v).append("</member>");
            t = t.plus(1, ChronoUnit.MINUTES);
        }
        return AwsMetricsContractTest.page("""
                      <member><Id>q0</Id><Label>%s</Label><Timestamps>%s</Timestamps><Values>%s</Values>
                        <StatusCode>Complete</StatusCode></member>""".formatted(label, ts, vs), null);
    }

    public static void stubHealthySignals(WireMockExtension wm, String alarmsInAlarm) {
        wm.stubFor(json(ECS + "DescribeServices").willReturn(jsonOk(service(4, 4))));
        wm.stubFor(query("DescribeAlarms").willReturn(xmlOk("""
                <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmsResult><MetricAlarms>%s</MetricAlarms><CompositeAlarms/></DescribeAlarmsResult>
                  <ResponseMetadata><RequestId>0f7e1c2a-0000-4000-8000-00000000a1a1</RequestId></ResponseMetadata>
                </DescribeAlarmsResponse>""".formatted(alarmsInAlarm))));
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlOk("""
                <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                  <DescribeTargetHealthResult><TargetHealthDescriptions>
                    <member><TargetHealth><State>healthy</State></TargetHealth><Target><Port>8000</Port><Id>10.0.1.23</Id></Target></member>
                    <member><TargetHealth><State>healthy</State></TargetHealth><Target><Port>8000</Port><Id>10.0.2.41</Id></Target></member>
                  </TargetHealthDescriptions></DescribeTargetHealthResult>
                  <ResponseMetadata><RequestId>c534f810-f389-11e5-9192-3fff33344cfa</RequestId></ResponseMetadata>
                </DescribeTargetHealthResponse>""")));
        wm.stubFor(query("GetMetricData").withRequestBody(containing("MetricName=CPUUtilization"))
                .willReturn(xmlOk(metricData("cpu", 35.0, 41.5, 38.25))));
        wm.stubFor(query("GetMetricData").withRequestBody(containing("MetricName=MemoryUtilization"))
                .willReturn(xmlOk(metricData("memory", 52.0, 55.0, 54.0))));
        // the health check asks for cpu and memory in one GetMetricData (wire ids q0, q1): one answer with both
        wm.stubFor(query("GetMetricData").withRequestBody(containing("MetricName=CPUUtilization"))
                .withRequestBody(containing("MetricName=MemoryUtilization"))
                .willReturn(xmlOk(metricData(List.of(new double[] {35.0, 41.5, 38.25}, new double[] {52.0, 55.0, 54.0})))));
    }

    private Map<String, Object> health() {
        return PlainValues.map(HealthUseCase.over(context).run(new HealthRequest(null, java.util.Set.of(), null,
                AWS_A_SIGNALS, null)));
    }

    private static final List<String> AWS_A_SIGNALS = List.of("ecs-service", "alarms", "target-health", "cpu", "memory");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signal(Map<String, Object> result, String name) {
        return ((List<Map<String, Object>>) result.get("signals")).stream()
                .filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void aHealthCheckOfAHealthyServiceReadsEverySignalFromAws() {
        stubHealthySignals(wm, "");

        Map<String, Object> result = health();

        assertThat(result.get("status")).as("%s", result).isEqualTo("HEALTHY");
        for (String name : AWS_A_SIGNALS) {
            assertThat(signal(result, name).get("status")).as(name).isEqualTo("HEALTHY");
        }
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTargetHealth"))
                .withRequestBody(containing("TargetGroupArn=")));
        // every alarm in ALARM: the engine keeps this environment's by name or dimensions (AlarmScope)
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms"))
                .withRequestBody(notContaining("AlarmNamePrefix")).withRequestBody(containing("StateValue=ALARM")));
    }

    @Test
    void anAlarmFiringInAwsMakesTheHealthCheckFailAndNamesIt() {
        stubHealthySignals(wm, """
                <member>
                  <AlarmName>t-developer-5xx-production</AlarmName>
                  <StateValue>ALARM</StateValue>
                  <StateReason>Threshold Crossed: 1 datapoint [42.0] was greater than the threshold (10.0).</StateReason>
                  <StateUpdatedTimestamp>%s</StateUpdatedTimestamp>
                  <MetricName>HTTPCode_Target_5XX_Count</MetricName>
                  <Namespace>AWS/ApplicationELB</Namespace>
                </member>""".formatted(Instant.now().minus(2, ChronoUnit.MINUTES)));

        Map<String, Object> result = health();

        assertThat(result.get("status")).isEqualTo("UNHEALTHY");
        assertThat(signal(result, "alarms").get("status")).isEqualTo("UNHEALTHY");
        assertThat(signal(result, "alarms").get("evidence").toString()).contains("t-developer-5xx-production");
        assertThat(result.get("reasons").toString()).contains("alarms UNHEALTHY: 1 in ALARM");
    }

    @Test
    void scalingToTheP0PresetRaisesTheAutoscalingBoundsSetsTheCountAndWaitsUntilStable() {
        String scenario = "scale";
        wm.stubFor(json(ECS + "DescribeServices").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(jsonOk(service(2, 2))));
        wm.stubFor(json(ECS + "UpdateService").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(jsonOk("{\"service\": {\"serviceName\": \"" + SERVICE + "\", \"desiredCount\": 10}}"))
                .willSetStateTo("scaling"));
        wm.stubFor(json(ECS + "DescribeServices").inScenario(scenario).whenScenarioStateIs("scaling")
                .willReturn(jsonOk(service(10, 6))).willSetStateTo("scaled"));
        wm.stubFor(json(ECS + "DescribeServices").inScenario(scenario).whenScenarioStateIs("scaled")
                .willReturn(jsonOk(service(10, 10))));
        wm.stubFor(json(AAS + "DescribeScalableTargets").willReturn(jsonOk("""
                {"ScalableTargets": [{"ServiceNamespace": "ecs", "ResourceId": "service/%s/%s",
                  "ScalableDimension": "ecs:service:DesiredCount", "MinCapacity": 2, "MaxCapacity": 8,
                  "CreationTime": 1735689600.0}]}""".formatted(CLUSTER, SERVICE))));
        wm.stubFor(json(AAS + "RegisterScalableTarget").willReturn(jsonOk("{}")));

        Map<String, Object> result = PlainValues.map(ScaleUseCase.over(context).run(ScaleRequest.of("p0", false, true, null, false)));

        assertThat(result).containsEntry("from", 2).containsEntry("to", 10).containsEntry("status", "COMPLETED")
                .containsEntry("minCapacity", 10).containsEntry("maxCapacity", 10)
                .containsEntry("previousMinCapacity", 2).containsEntry("previousMaxCapacity", 8);
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AAS + "RegisterScalableTarget"))
                .withRequestBody(equalToJson("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/" + CLUSTER + "/" + SERVICE
                        + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":10,\"MaxCapacity\":10}")));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .withRequestBody(equalToJson("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + SERVICE + "\",\"desiredCount\":10}")));
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("set from 2 to 10"));
    }
}
