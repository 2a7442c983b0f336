package io.tdev.ops.incident;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Progress;
import io.tdev.ops.api.incident.Finding;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.api.incident.IncidentResult;
import io.tdev.ops.api.incident.IncidentUseCase;
import io.tdev.ops.api.incident.Remedy;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** P1's cache metric: read where configured, in the same GetMetricData batch as CPU and memory; said so where not. */
class IncidentCacheMetricTest {
    private static final EnvironmentConfig BUILT_IN = ConfigLoader.builtIn("production");

    private static EnvironmentConfig withCache(EnvironmentConfig config, String clusterId) {
        return config.withIncident(config.incident().withCache(new EnvironmentConfig.CacheMetric("AWS/ElastiCache",
                "CacheHitRate", Map.of("CacheClusterId", clusterId), 80)));
    }

    private static IncidentResult p1(SimEnvironment sim, List<String> apply, Duration since) {
        OpsContext context = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), Progress.NONE, "alice");
        return IncidentUseCase.over(context).run(new IncidentRequest("P1", null, apply, false, since, null, true));
    }

    private static Finding cache(IncidentResult r) {
        return r.diagnosis().stream().filter(f -> f.name().equals("cache-hit-rate")).findFirst().orElseThrow();
    }

    @Test
    void withoutAConfiguredCacheMetricTheFindingSaysNotConfiguredAndNothingIsRead() {
        SimEnvironment sim = SimEnvironment.scenario("cache-degraded", BUILT_IN);

        IncidentResult r = p1(sim, List.of(), null);

        assertThat(cache(r).status()).isEqualTo("UNKNOWN");
        assertThat(cache(r).value()).isEqualTo("not configured");
        assertThat(cache(r).evidence()).contains("incident.cache.namespace is null");
    }

    @Test
    void aStaleCacheHitsLittleAndCallsForClearCacheInTheSameMetricBatch() {
        SimEnvironment plain = SimEnvironment.scenario("cache-degraded", BUILT_IN);
        p1(plain, List.of(), null);
        SimEnvironment sim = SimEnvironment.scenario("cache-degraded", withCache(BUILT_IN, plain.cacheClusterId()));

        IncidentResult r = p1(sim, List.of(), null);

        assertThat(cache(r).status()).isEqualTo("BAD");
        assertThat(Double.parseDouble(cache(r).value().replace("%", ""))).isBetween(30.0, 50.0);
        assertThat(cache(r).evidence()).contains("AWS/ElastiCache CacheHitRate", "incident.cache.minHitRatePercent");
        assertThat(r.plan()).extracting(Remedy::remedy).contains("clear-cache");
        assertThat(r.plan().get(0).why()).contains("the cache hits only " + cache(r).value());
        assertThat(sim.calls(Api.GET_METRIC_DATA)).isEqualTo(plain.calls(Api.GET_METRIC_DATA));
    }

    @Test
    void afterAClearTheCacheWarmsBackUpAndReadsHealthy() {
        SimEnvironment probe = SimEnvironment.scenario("healthy", BUILT_IN);
        SimEnvironment sim = SimEnvironment.scenario("cache-degraded", withCache(BUILT_IN, probe.cacheClusterId()));
        p1(sim, List.of("clear-cache"), null);

        sim.advance(Duration.ofMinutes(25));
        IncidentResult later = p1(sim, List.of(), Duration.ofMinutes(10));

        assertThat(cache(later).status()).isEqualTo("OK");
        assertThat(Double.parseDouble(cache(later).value().replace("%", ""))).isGreaterThanOrEqualTo(80.0);
    }

    @Test
    void anotherClusterHasNoDataAndTheFindingSaysSoRatherThanOk() {
        SimEnvironment sim = SimEnvironment.scenario("cache-degraded", withCache(BUILT_IN, "some-other-cluster"));

        IncidentResult r = p1(sim, List.of(), null);

        assertThat(cache(r).status()).isEqualTo("UNKNOWN");
        assertThat(cache(r).evidence()).contains("no datapoints");
    }
}
