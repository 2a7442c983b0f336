package io.tdev.ops.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.LoadWatchRequest;
import io.tdev.ops.api.traffic.LoadWatchResult;
import io.tdev.ops.api.traffic.LoadWatchResult.Sample;
import io.tdev.ops.api.traffic.LoadWatchResult.Status;
import io.tdev.ops.api.traffic.LoadWatchUseCase;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.support.Durations;
import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.support.Retry;
import io.tdev.ops.health.Verdict;
import io.tdev.ops.support.Waits;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code load-watch}: every {@code traffic.watchPollSeconds} one health check plus the ALB's response-time p95 and
 * 5xx rate of the last complete minute; the watch stops the test as soon as the service is UNHEALTHY or a limit is
 * passed, else it passes when the test's duration is over.
 */
public final class LoadWatch implements LoadWatchUseCase {
    /** The signals a look reads: what load can break (not the informational S3 and project counts). */
    static final List<String> SIGNALS = List.of(HealthCheck.ECS_SERVICE, HealthCheck.ALARMS, HealthCheck.TARGET_HEALTH,
            HealthCheck.ERROR_LOGS, HealthCheck.CPU, HealthCheck.MEMORY);
    private static final String ALB = "AWS/ApplicationELB";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final OpsContext ctx;

    public LoadWatch(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LoadWatchResult run(LoadWatchRequest request) {
        double p95Limit = request.p95LimitSeconds() != null ? request.p95LimitSeconds()
                : ctx.config().slo().pipelineP95Seconds();
        double errorLimit = request.errorRateLimitPercent() != null ? request.errorRateLimitPercent()
                : ctx.config().slo().highErrorRatePercent();
        String loadBalancer = loadBalancerDimension();
        Duration poll = Duration.ofSeconds(ctx.config().traffic().watchPollSeconds());
        Instant start = ctx.clock().instant();
        Instant end = start.plus(request.duration());
        HealthOptions options = HealthOptions.defaults().withBaseline(start).withSignals(SIGNALS)
                .withErrorWindow(poll.compareTo(MINUTE) < 0 ? MINUTE : poll);
        List<Sample> samples = new ArrayList<>();
        ctx.progress().report("watching " + ctx.config().ecs().service() + " for " + Durations.format(request.duration())
                + ": stop at p95 > " + p95Limit + " s, 5xx > " + errorLimit + " % or UNHEALTHY");
        String stoppedBecause = null;
        while (stoppedBecause == null && ctx.clock().instant().isBefore(end)) {
            Duration left = Duration.between(ctx.clock().instant(), end);
            Waits.sleep(ctx.sleeper(), left.compareTo(poll) < 0 ? left : poll, "load-watch");
            HealthResult health = new HealthCheck(ctx).run(options);
            Sample sample = sample(loadBalancer, health);
            samples.add(sample);
            stoppedBecause = stopReason(sample, health, p95Limit, errorLimit);
            ctx.progress().report("load-watch " + Durations.format(Duration.between(start, sample.at())) + ": p95 "
                    + text(sample.p95Seconds(), "s") + ", 5xx " + text(sample.errorRatePercent(), "%") + ", "
                    + sample.verdict() + (stoppedBecause != null ? " -> STOP: " + stoppedBecause : ""));
        }
        Status status = stoppedBecause == null ? Status.PASSED : Status.STOPPED;
        Instant ended = ctx.clock().instant();
        String markdown = LoadWatchReport.markdown(status, start, ended, p95Limit, errorLimit, samples, stoppedBecause);
        return new LoadWatchResult(status == Status.PASSED, status, start, ended, p95Limit, errorLimit,
                List.copyOf(samples), stoppedBecause, markdown);
    }

    private static String stopReason(Sample sample, HealthResult health, double p95Limit, double errorLimit) {
        if (health.status() == Verdict.UNHEALTHY) {
            return "the service is UNHEALTHY: " + String.join("; ", health.reasons());
        }
        if (sample.p95Seconds() != null && sample.p95Seconds() > p95Limit) {
            return "ALB response time p95 " + round(sample.p95Seconds()) + " s is over the limit of " + round(p95Limit)
                    + " s";
        }
        if (sample.errorRatePercent() != null && sample.errorRatePercent() > errorLimit) {
            return "5xx rate " + round(sample.errorRatePercent()) + " % is over the limit of " + round(errorLimit) + " %";
        }
        return null;
    }

    /** The ALB's p95 and 5xx share in the last complete minute, in one GetMetricData call. */
    private Sample sample(String loadBalancer, HealthResult health) {
        Instant now = ctx.clock().instant();
        Instant to = now.truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(MINUTE);
        Map<String, String> dims = Map.of("LoadBalancer", loadBalancer);
        List<MetricQuery> queries = List.of(
                new MetricQuery("p95", ALB, "TargetResponseTime", dims, "p95", MINUTE),
                new MetricQuery("requests", ALB, "RequestCount", dims, "Sum", MINUTE),
                new MetricQuery("elb5xx", ALB, "HTTPCode_ELB_5XX_Count", dims, "Sum", MINUTE),
                new MetricQuery("target5xx", ALB, "HTTPCode_Target_5XX_Count", dims, "Sum", MINUTE));
        Retry retry = ctx.retry();
        List<MetricSeries> series = retry.call(() -> ctx.ports().metrics().query(queries, from, to));
        OptionalDouble p95 = series.get(0).latest();
        OptionalDouble requests = series.get(1).latest();
        double errors = series.get(2).latest().orElse(0) + series.get(3).latest().orElse(0);
        Double errorRate = requests.isPresent() && requests.getAsDouble() > 0
                ? 100 * errors / requests.getAsDouble() : null;
        return new Sample(now, p95.isPresent() ? round(p95.getAsDouble()) : null,
                errorRate == null ? null : round(errorRate), health.status().name());
    }

    /** The {@code LoadBalancer} dimension (app/NAME/ID) of the ALB in front of the service. */
    private String loadBalancerDimension() {
        Retry retry = ctx.retry();
        ServiceState service = retry.call(() -> ctx.ports().ecs().describeService(ctx.config().serviceRef()));
        List<String> groups = ctx.config().targetGroupArns() != null && !ctx.config().targetGroupArns().isEmpty()
                ? ctx.config().targetGroupArns() : service.targetGroupArns();
        for (String group : groups) {
            for (String arn : retry.call(() -> ctx.ports().targetHealth().loadBalancerArns(group))) {
                if (arn.contains(":loadbalancer/")) {
                    return TargetGroup.dimension(arn);
                }
            }
        }
        throw new PreconditionFailedException("no load balancer in front of " + ctx.config().serviceRef()
                + ": load-watch reads the ALB's response time; attach the service to a target group or set targetGroupArns");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String text(Double v, String unit) {
        return v == null ? "no data" : v + " " + unit;
    }
}
