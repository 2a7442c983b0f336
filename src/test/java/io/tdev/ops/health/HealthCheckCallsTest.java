package io.tdev.ops.health;

import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimCall;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.SimRun;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, goal 3: one health check makes a bounded number of AWS calls whatever the size of the bucket and the
 * table. The simulation records every call (and makes the calls the AWS adapters make: DescribeTable before a Scan
 * sized by the table, one Query per day on an index, a ListObjectsV2 page per 1,000 keys).
 */
class HealthCheckCallsTest {
    private static List<String> callsOfOneCheck(SimRun run) {
        int before = run.sim.callLog().size();
        HealthResult r = new HealthCheck(run.ctx).run(HealthOptions.defaults());
        assertThat(r.status()).isNotNull();
        return run.sim.callLog().subList(before, run.sim.callLog().size()).stream().map(SimCall::api).toList();
    }

    private static Map<String, Long> counted(List<String> calls) {
        return calls.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void oneCheckMakesAtMostSevenCallsWithOneGetMetricDataForCpuMemoryAndTheBucket() {
        SimRun run = SimRun.scenario("healthy");

        List<String> calls = callsOfOneCheck(run);

        assertThat(calls).as("calls of one check: %s", calls).hasSizeLessThanOrEqualTo(7);
        assertThat(counted(calls)).containsEntry(Api.GET_METRIC_DATA, 1L)
                .containsEntry(Api.DESCRIBE_SERVICES, 1L)
                .containsEntry(Api.DESCRIBE_TABLE, 1L)
                .containsEntry(Api.DYNAMODB_SCAN, 1L)
                .doesNotContainKey(Api.LIST_BUCKET);
    }

    @Test
    void theBucketSizeComesFromTheDailyStorageMetricsAndSaysTheirDay() {
        SimRun run = SimRun.scenario("healthy");

        HealthSignal s3 = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("s3-usage")))
                .signals().get(0);

        assertThat(s3.evidence()).contains("BucketSizeBytes (StandardStorage)", "NumberOfObjects (AllStorageTypes)",
                "daily, of 2026-11-26");
        assertThat(s3.value()).doesNotStartWith("at least").matches("\\d+ objects, .*");
    }

    @Test
    void aTableWithADateIndexIsCountedByOneQueryForYesterday() {
        EnvironmentConfig base = TestConfigs.production();
        EnvironmentConfig indexed = base.withTable(new EnvironmentConfig.TableNames(base.table().name(),
                base.table().createdAtAttribute(), base.table().userIdAttribute(), "created_day-created_at-index"));
        SimRun run = new SimRun(SimEnvironment.scenario("healthy", indexed));
        SimRun scanned = SimRun.scenario("healthy");

        List<String> calls = callsOfOneCheck(run);
        long viaIndex = projectsYesterday(run);

        assertThat(calls).hasSizeLessThanOrEqualTo(7);
        assertThat(counted(calls)).containsEntry(Api.DYNAMODB_QUERY, 1L).doesNotContainKey(Api.DYNAMODB_SCAN);
        assertThat(viaIndex).as("the index counts what the scan counts").isEqualTo(projectsYesterday(scanned)).isPositive();
    }

    private static long projectsYesterday(SimRun run) {
        String value = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("projects-yesterday")))
                .signals().get(0).value();
        return Long.parseLong(value.replace(" projects", ""));
    }

    @Test
    void aTableWithoutAnIndexCostsOneScanCallPerMegabyteItHolds() {
        SimRun run = new SimRun(SimEnvironment.builder(TestConfigs.production()).projectsPerDay(400).build());

        Map<String, Long> calls = counted(callsOfOneCheck(run));
        EnvironmentConfig.TableNames t = run.sim.config().table();
        long items = run.ctx.ports().tables().countBetween(t.name(), t.createdAtAttribute(), java.time.Instant.EPOCH,
                run.sim.now(), java.util.Optional.empty());

        // 240 bytes an item, read 1 MB a page, in one segment (the table is far under 2 GB)
        long pages = (items * 240 + (1 << 20) - 1) / (1 << 20);
        assertThat(pages).isGreaterThan(1);
        assertThat(calls).containsEntry(Api.DYNAMODB_SCAN, pages).containsEntry(Api.DESCRIBE_TABLE, 1L);
    }

    @Test
    void aBucketWithoutStorageMetricsIsListedOnePageAtMostAndSaysItIsALowerBound() {
        SimRun run = SimRun.scenario("new-bucket"); // 1,400 objects, created 3 hours ago: no daily datapoint yet

        List<String> calls = callsOfOneCheck(run);
        HealthSignal s3 = new HealthCheck(run.ctx).run(HealthOptions.defaults().withSignals(List.of("s3-usage")))
                .signals().get(0);

        assertThat(counted(calls)).containsEntry(Api.LIST_BUCKET, 1L).containsEntry(Api.GET_METRIC_DATA, 1L);
        assertThat(calls).hasSizeLessThanOrEqualTo(8);
        assertThat(s3.value()).startsWith("at least 1000 objects");
        assertThat(s3.evidence()).contains("stopped at 1000 objects");
    }
}
