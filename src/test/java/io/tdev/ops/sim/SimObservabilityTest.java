package io.tdev.ops.sim;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.port.Logs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimObservabilityTest {
    private final SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
    private final Logs logs = env.ports().logs();
    private final String group = "/ecs/t-developer-production";

    private Map<String, String> ecsDims() {
        return Map.of("ClusterName", "t-developer-cluster-production", "ServiceName", "t-developer-service-production");
    }

    @Test
    void aHealthyServiceLogsAFewErrorsADayAndSecurityWarnings() {
        Instant dayAgo = env.now().minus(Duration.ofHours(24));

        LogEvents errors = logs.filter(group, "ERROR", dayAgo, env.now(), 10_000);
        LogEvents lastHour = logs.filter(group, "ERROR", env.now().minus(Duration.ofHours(1)), env.now(), 10_000);
        LogEvents auth = logs.filter(group, "\"authentication failed\"", dayAgo, env.now(), 100);
        LogEvents rate = logs.filter(group, "rate_limit_exceeded", dayAgo, env.now(), 100);

        assertThat(errors.events()).hasSizeBetween(20, 80).allSatisfy(e -> assertThat(e.message()).contains("ERROR"));
        assertThat(lastHour.events()).as("below the DEGRADED threshold of 10").hasSizeLessThan(10);
        assertThat(auth.events()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains("authentication failed"));
        assertThat(rate.events()).isNotEmpty();
        assertThat(errors.events()).isSortedAccordingTo(java.util.Comparator.comparing(LogEvent::timestamp));
    }

    /** DescribeLogGroups lists every group of the account: the fleet services' too, which Insights and filters read. */
    @Test
    void theFleetServicesLogGroupsAreListedAsTheyAreQueried() {
        SimEnvironment fleet = SimEnvironment.builder(SimConfigs.production()).fleet(3, List.of(env.config().ecs().cluster()))
                .build();

        List<String> listed = fleet.ports().logs().logGroups("/ecs/svc-").stream().map(g -> g.name()).toList();

        assertThat(listed).containsExactly("/ecs/svc-0001", "/ecs/svc-0002", "/ecs/svc-0003");
        assertThat(fleet.ports().logs().logGroups(null)).extracting(g -> g.name()).contains("/ecs/svc-0002", group);
        fleet.ports().logs().putRetention("/ecs/svc-0002", 30);
        assertThat(fleet.ports().logs().logGroups("/ecs/svc-0002")).singleElement()
                .satisfies(g -> assertThat(g.retentionDays()).isEqualTo(30));
    }

    @Test
    void filterPatternsCombineTermsPhrasesOptionsAndExclusions() {
        Instant dayAgo = env.now().minus(Duration.ofHours(24));

        var s3 = logs.filter(group, "ERROR S3", dayAgo, env.now(), 10_000).events();
        var either = logs.filter(group, "?authentication ?rate_limit_exceeded", dayAgo, env.now(), 10_000).events();
        var notS3 = logs.filter(group, "ERROR -S3", dayAgo, env.now(), 10_000).events();
        var all = logs.filter(group, "ERROR", dayAgo, env.now(), 10_000).events();

        assertThat(s3).allSatisfy(e -> assertThat(e.message()).contains("ERROR").contains("S3"));
        assertThat(notS3).noneSatisfy(e -> assertThat(e.message()).contains("S3"));
        assertThat(s3.size() + notS3.size()).isEqualTo(all.size());
        assertThat(either).allSatisfy(e -> assertThat(e.message()).containsAnyOf("authentication", "rate_limit_exceeded"));
        assertThat(logs.filter(group, "error", dayAgo, env.now(), 10).events()).as("case-sensitive").isEmpty();
        assertThatThrownBy(() -> logs.filter(group, "{ $.level = \"ERROR\" }", dayAgo, env.now(), 10))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void filterStopsAtMaxEventsAndSaysSo() {
        LogEvents some = logs.filter(group, "", env.now().minus(Duration.ofHours(24)), env.now(), 5);

        assertThat(some.events()).hasSize(5);
        assertThat(some.truncated()).isTrue();
        assertThatThrownBy(() -> logs.filter("/ecs/nope", "ERROR", env.now().minusSeconds(60), env.now(), 5))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void insightsFindsTheSlowAgentFromExecutionTimes() {
        SimEnvironment slow = SimEnvironment.scenario("slow-agent", SimConfigs.production());
        String query = "fields @timestamp, @message | filter @message like /execution_time/ "
                + "| parse @message \"agent=* execution_time=*s \" as agent, seconds "
                + "| stats avg(seconds) as avg_seconds, count(*) as n by agent | sort avg_seconds desc | limit 3";

        List<Map<String, String>> rows = slow.ports().logs().insights(List.of(group), query,
                slow.now().minus(Duration.ofHours(1)), slow.now());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("agent", "generation-agent");
        assertThat(Double.parseDouble(rows.get(0).get("avg_seconds"))).isBetween(10.0, 20.0);
        assertThat(Double.parseDouble(rows.get(1).get("avg_seconds"))).isLessThan(10.0);
        assertThatThrownBy(() -> logs.insights(List.of(group), "dedup @message", env.now().minusSeconds(60), env.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dedup");
    }

    @Test
    void insightsCountsErrorsPerFiveMinutesAndReturnsRawRowsWithoutStats() {
        Instant from = env.now().minus(Duration.ofHours(6));

        List<Map<String, String>> bins = logs.insights(List.of(group),
                "filter @message like /ERROR/ | stats count(*) as errors by bin(1h) | sort errors desc", from, env.now());
        List<Map<String, String>> raw = logs.insights(List.of(group),
                "fields @timestamp, @message | filter @message like \"authentication failed\" | limit 2",
                env.now().minus(Duration.ofHours(24)), env.now());

        long total = logs.filter(group, "ERROR", from, env.now(), 10_000).events().size();
        assertThat(bins).allSatisfy(r -> assertThat(r).containsKeys("bin(1h)", "errors"));
        assertThat(bins.stream().mapToLong(r -> Long.parseLong(r.get("errors"))).sum()).isEqualTo(total);
        assertThat(raw).hasSizeBetween(1, 2).allSatisfy(r -> {
            assertThat(r.keySet()).containsExactly("@timestamp", "@message");
            assertThat(r.get("@message")).contains("authentication failed");
        });
    }

    @Test
    void retentionCanBeSetOnTShapedGroupsToAllowedValuesOnly() {
        assertThat(logs.logGroups("/ecs/t-developer")).extracting(g -> g.name()).containsExactly(group);
        assertThat(logs.logGroups("")).hasSize(4);

        logs.putRetention(group, 30);

        assertThat(env.logRetention()).containsEntry(group, 30);
        // refused before the call, as the AWS adapter does (LogsContract)
        int calls = env.callLog().size();
        assertThatThrownBy(() -> logs.putRetention(group, 31)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("retentionDays").hasMessageContaining("30, 60");
        assertThat(env.callLog()).hasSize(calls);
        assertThat(env.logRetention()).containsEntry(group, 30);
    }

    @Test
    void ecsMetricsFollowTheTasksAndNeedTheServiceDimensions() {
        Instant hourAgo = env.now().minus(Duration.ofHours(1));
        List<MetricSeries> series = env.ports().metrics().query(List.of(
                new MetricQuery("cpu", "AWS/ECS", "CPUUtilization", ecsDims(), "Average", Duration.ofMinutes(5)),
                new MetricQuery("mem", "AWS/ECS", "MemoryUtilization", ecsDims(), "Maximum", Duration.ofMinutes(5)),
                new MetricQuery("other", "AWS/ECS", "CPUUtilization", Map.of("ClusterName", "x", "ServiceName", "y"), "Average",
                        Duration.ofMinutes(5))), hourAgo, env.now());

        assertThat(series).extracting(MetricSeries::id).containsExactly("cpu", "mem", "other");
        assertThat(series.get(0).points()).hasSize(12);
        assertThat(series.get(0).max().orElseThrow()).isBetween(30.0, 70.0);
        assertThat(series.get(1).max().orElseThrow()).isBetween(40.0, 80.0);
        assertThat(series.get(2).points()).isEmpty();
    }

    @Test
    void cpuClimbsWhileBadTasksRun() {
        env.circuitBreaker(false);
        SimEnvironment bad = SimEnvironment.builder(SimConfigs.production()).circuitBreakerOff().build();
        var ecs = bad.ports().ecs();
        TaskDefinition current = ecs.describeTaskDefinition(bad.currentRevision().toString());
        ecs.updateService(bad.config().serviceRef(), ecs.registerTaskDefinition(current,
                Map.of("t-developer-backend", bad.imageUri("2.1.0-bad"))));
        Instant deployed = bad.now();
        bad.advance(Duration.ofMinutes(10));

        MetricSeries cpuMax = bad.ports().metrics().query(List.of(new MetricQuery("cpu", "AWS/ECS", "CPUUtilization",
                ecsDims(), "Maximum", Duration.ofMinutes(10))), deployed, bad.now()).get(0);
        MetricSeries before = bad.ports().metrics().query(List.of(new MetricQuery("cpu", "AWS/ECS", "CPUUtilization",
                ecsDims(), "Maximum", Duration.ofMinutes(10))), deployed.minus(Duration.ofMinutes(10)), deployed).get(0);

        assertThat(cpuMax.max().orElseThrow()).isGreaterThan(80.0).isGreaterThan(before.max().orElseThrow());
    }

    @Test
    void pipelineMetricsCoverAWeekForTheWeeklyReport() {
        Instant weekAgo = env.now().minus(Duration.ofDays(7));
        List<MetricSeries> s = env.ports().metrics().query(List.of(
                new MetricQuery("time", "T-Developer/Pipeline", "PipelineExecutionTime", Map.of(), "Average", Duration.ofDays(1)),
                new MetricQuery("ok", "T-Developer/Pipeline", "GenerationSuccess", Map.of(), "Sum", Duration.ofDays(1)),
                new MetricQuery("p95", "T-Developer/Pipeline", "PipelineExecutionTime", Map.of(), "p95", Duration.ofHours(1)),
                new MetricQuery("s3", "AWS/S3", "BucketSizeBytes",
                        Map.of("BucketName", "t-developer-projects-production", "StorageType", "StandardStorage"), "Average",
                        Duration.ofDays(1))), weekAgo, env.now());

        assertThat(s.get(0).points()).hasSize(7).allSatisfy(p -> assertThat(p.value()).isBetween(20.0, 45.0));
        assertThat(s.get(1).points()).hasSize(7).allSatisfy(p -> assertThat(p.value()).isBetween(2000.0, 8000.0));
        assertThat(s.get(2).points()).hasSize(168).allSatisfy(p -> assertThat(p.value()).isLessThan(45.0));
        assertThat(s.get(3).points()).hasSize(7);
        assertThat(s.get(3).points().get(6).value()).isGreaterThan(s.get(3).points().get(0).value());
        assertThatThrownBy(() -> env.ports().metrics().query(List.of(new MetricQuery("x", "AWS/ECS", "CPUUtilization", ecsDims(),
                "Avg", Duration.ofMinutes(1))), weekAgo, env.now())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Average");
    }

    @Test
    void alarmsAreFilteredByPrefixAndState() {
        var alarms = env.ports().alarms();

        List<Alarm> ours = alarms.alarms("t-developer", Optional.empty());
        List<Alarm> firing = alarms.alarms("t-developer", Optional.of(AlarmState.ALARM));
        List<Alarm> everything = alarms.alarms("", Optional.of(AlarmState.ALARM));

        assertThat(ours).hasSize(8).allSatisfy(a -> assertThat(a.state()).isEqualTo(AlarmState.OK));
        assertThat(firing).isEmpty();
        assertThat(everything).extracting(Alarm::name).containsExactly("billing-estimated-charges");
    }

    @Test
    void theAlarmStormHasOldAndNewAlarms() {
        SimEnvironment storm = SimEnvironment.scenario("alarm-storm", SimConfigs.production());
        Instant deployStart = storm.now().minus(Duration.ofMinutes(30));

        List<Alarm> firing = storm.ports().alarms().alarms("t-developer", Optional.of(AlarmState.ALARM));

        assertThat(firing).hasSize(9);
        assertThat(firing).filteredOn(a -> a.stateUpdatedAt().isBefore(deployStart)).hasSize(3);
        assertThat(storm.ports().alarms().alarms("t-developer", Optional.of(AlarmState.INSUFFICIENT_DATA))).hasSize(1);
    }
}
