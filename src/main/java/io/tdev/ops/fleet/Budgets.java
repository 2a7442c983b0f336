package io.tdev.ops.fleet;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.support.Retry;
import io.tdev.ops.api.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rate budget of each API a fleet run calls (ECS, ELBv2, CloudWatch, CloudWatch Logs: {@code fleet.rateLimits})
 * and the back-off when AWS throttles anyway (another client sharing the account's budget): a retryable failure is
 * tried again after 250 ms, 500 ms, 1 s, 2 s on the injected sleeper.
 */
final class Budgets {
    private final Map<String, TokenBucket> byService;
    private final Retry backOff;

    Budgets(EnvironmentConfig.FleetRateLimits limits, Clock clock, Sleeper sleeper) {
        this.byService = Map.of(
                "ecs", new TokenBucket(limits.ecsPerSecond(), clock, sleeper),
                "elasticloadbalancing", new TokenBucket(limits.elbPerSecond(), clock, sleeper),
                "cloudwatch", new TokenBucket(limits.cloudWatchPerSecond(), clock, sleeper),
                "logs", new TokenBucket(limits.logsPerSecond(), clock, sleeper));
        this.backOff = new Retry(sleeper, 5, Duration.ofMillis(250));
    }

    /** Runs one call of {@code action} (an IAM action such as ecs:DescribeServices) within its service's budget. */
    <T> T call(String action, Supplier<T> call) {
        TokenBucket bucket = byService.get(action.substring(0, action.indexOf(':')));
        return backOff.call(() -> {
            bucket.acquire(action);
            return call.get();
        });
    }

    /** How long the run waited for tokens, per service. */
    Map<String, Duration> waited() {
        return Map.of("ecs", byService.get("ecs").waited(), "elasticloadbalancing",
                byService.get("elasticloadbalancing").waited(), "cloudwatch", byService.get("cloudwatch").waited(),
                "logs", byService.get("logs").waited());
    }
}
