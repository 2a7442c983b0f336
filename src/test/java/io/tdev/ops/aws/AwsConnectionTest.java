package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.OpsPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsConnectionTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    @Test
    void everyPortIsTheAwsAdapterOverTheFactorysClients() {
        try (AwsConnection aws = AwsConnection.open(AwsWireFixture.settings(wm.baseUrl()), TestEnvironments.production())) {
            OpsPorts p = aws.ports();
            assertThat(List.of(p.ecs(), p.autoScaling(), p.alarms(), p.metrics(), p.logs(), p.targetHealth(), p.storage(),
                    p.tables(), p.notifier(), p.imageScans(), p.secrets(), p.dns(), p.databases()))
                    .extracting(o -> LazyPort.adapter(o).getClass().getSimpleName())
                    .containsExactly("AwsEcs", "AwsAutoScaling", "AwsAlarms", "AwsMetrics", "AwsLogs", "AwsTargetHealth",
                            "AwsStorage", "AwsTables", "AwsNotifier", "AwsImageScans", "AwsSecrets", "AwsDns", "AwsDatabases");
            assertThat(aws.ecs()).isSameAs(LazyPort.adapter(p.ecs()));
        }
    }

    @Test
    void aPortBuildsItsClientOnItsFirstCallAndOnlyThatOne() {
        wm.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeServices").willReturn(jsonOk(
                EcsFixtures.describeStable(List.of(TestEnvironments.SERVICE)))));
        try (AwsConnection aws = AwsConnection.open(AwsWireFixture.settings(wm.baseUrl()), TestEnvironments.production())) {
            assertThat(aws.clients().builtClients()).as("opening builds no client").isEmpty();

            assertThat(aws.ports().ecs().describeService(TestEnvironments.production().serviceRef()).stable()).isTrue();

            assertThat(aws.clients().builtClients()).containsExactly("EcsClient");
            assertThat(aws.ports().ecs().toString()).startsWith("lazy Ecs: ");
            assertThat(aws.ports().dns().toString()).isEqualTo("lazy Dns (not built yet)");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void callsThroughThePortsReachTheEndpointAndClosingClosesTheClients() {
        wm.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeServices").willReturn(jsonOk(
                EcsFixtures.describeStable(List.of(TestEnvironments.SERVICE)))));
        wm.stubFor(query("DescribeAlarms").willReturn(xmlOk("""
                <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <DescribeAlarmsResult><MetricAlarms/><CompositeAlarms/></DescribeAlarmsResult>
                  <ResponseMetadata><RequestId>1b2c3d4e-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
                </DescribeAlarmsResponse>""")));
        AwsConnection aws = AwsConnection.open(AwsClientFactory.create(AwsWireFixture.settings(wm.baseUrl()), null,
                software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately()), TestEnvironments.production());
        OpsPorts p = aws.ports();

        assertThat(p.ecs().describeService(TestEnvironments.production().serviceRef()).stable()).isTrue();
        assertThat(p.alarms().alarms("t-developer", Optional.of(AlarmState.ALARM))).isEmpty();
        aws.close();

        assertThatThrownBy(() -> p.alarms().alarms("t-developer", Optional.empty())).isInstanceOf(RuntimeException.class);
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("User-Agent", containing("tdev-ops/")));
    }

    @Test
    void badSettingsOpenNothingAndNameTheField() {
        AwsSettings bad = new AwsSettings("eu-west-1", null, null, null, wm.baseUrl(), null, null, null,
                Duration.ofSeconds(5), null, "turbo", null);

        assertThatThrownBy(() -> AwsConnection.open(bad, TestEnvironments.production()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("retryMode: got 'turbo'; allowed values: standard, adaptive");
    }

    @Test
    void aLogsInsightsWaitReportsToTheRunsProgress() {
        wm.stubFor(json("Logs_20140328.StartQuery").willReturn(jsonOk("{\"queryId\":\"q-7\"}")));
        wm.stubFor(json("Logs_20140328.GetQueryResults").inScenario("query").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done").willReturn(jsonOk("{\"results\":[],\"status\":\"Running\"}")));
        wm.stubFor(json("Logs_20140328.GetQueryResults").inScenario("query").whenScenarioStateIs("done")
                .willReturn(jsonOk("{\"results\":[[{\"field\":\"count\",\"value\":\"3\"}]],\"status\":\"Complete\"}")));
        List<String> progress = new ArrayList<>();

        try (AwsConnection aws = AwsConnection.open(AwsWireFixture.settings(wm.baseUrl()), TestEnvironments.production(),
                progress::add)) {
            Instant to = Instant.parse("2026-11-26T10:00:00Z");
            assertThat(aws.ports().logs().insights(List.of("/ecs/t-developer"), "stats count(*) as count",
                    to.minus(Duration.ofMinutes(15)), to)).containsExactly(Map.of("count", "3"));
        }

        assertThat(progress).singleElement().asString()
                .contains("waiting for Logs Insights query q-7").contains("Running").contains("of 120s");
    }

    @Test
    void withoutAProgressTheWaitStillWorksSilently() {
        wm.stubFor(json("Logs_20140328.StartQuery").willReturn(jsonOk("{\"queryId\":\"q-8\"}")));
        wm.stubFor(json("Logs_20140328.GetQueryResults").willReturn(jsonOk("{\"results\":[],\"status\":\"Complete\"}")));

        try (AwsConnection aws = AwsConnection.open(AwsWireFixture.settings(wm.baseUrl()), TestEnvironments.production())) {
            Instant to = Instant.parse("2026-11-26T10:00:00Z");
            assertThat(aws.ports().logs().insights(List.of("/ecs/t-developer"), "stats count(*)", to.minusSeconds(60), to))
                    .isEmpty();
        }
    }
}
