package io.tdev.ops.health.signal;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the signals of one check share: its time, options and error window, and the reads more than one signal needs
 * (the service, for ecs-service and target-health; one GetMetricData for cpu, memory and s3-usage), each made once.
 */
public final class CheckScope {
    final OpsContext ctx;
    final EnvironmentConfig config;
    final ServiceRef ref;
    final Instant now;
    final Duration window;
    final HealthOptions options;
    private final SharedRead<ServiceState> service;
    final MetricBatch metrics;

    /**
     * @param names   the signals this check reads (which metric queries the one GetMetricData carries)
     * @param timeout the signal timeout: a shared read cut short by it says so to every signal that waited for it
     */
    public CheckScope(OpsContext ctx, Instant now, Duration window, HealthOptions options, List<String> names,
                      Duration timeout) {
        this.ctx = ctx;
        this.config = ctx.config();
        this.ref = config.serviceRef();
        this.now = now;
        this.window = window;
        this.options = options;
        this.service = new SharedRead<>(() -> ctx.retry().call(() -> ctx.ports().ecs().describeService(ref)), timeout,
                "ecs:DescribeServices", ref + " to be described");
        List<MetricQuery> queries = new ArrayList<>();
        for (UtilisationSignal u : UtilisationSignal.all(this)) {
            if (names.contains(u.name())) {
                queries.add(u.query());
            }
        }
        if (names.contains(S3UsageSignal.NAME)) {
            queries.addAll(S3StorageMetrics.queries(config.bucket()));
        }
        // the daily storage datapoints need days of range; utilisation alone needs its window only
        Instant from = names.contains(S3UsageSignal.NAME) ? S3StorageMetrics.from(now)
                : now.minus(UtilisationSignal.WINDOW);
        this.metrics = new MetricBatch(queries, from, now, ctx, timeout);
    }

    /** The first caller reads; a caller arriving meanwhile waits for that read (interruptibly, for the signal timeout). */
    ServiceState service() {
        return service.get();
    }
}
