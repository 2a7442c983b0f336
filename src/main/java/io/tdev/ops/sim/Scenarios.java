package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The named scenarios, each a composition of {@link SimBuilder} settings. Documented on {@link SimEnvironment}. */
final class Scenarios {
    private static final Map<String, Function<SimBuilder, SimBuilder>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("healthy", b -> b);
        SCENARIOS.put("good", b -> b);
        SCENARIOS.put("bad-deploy", b -> b.deploying("2.1.0-bad", Duration.ofSeconds(80)));
        SCENARIOS.put("faulty-deploy", b -> b.deploying("2.1.0-faulty", Duration.ofSeconds(150)));
        SCENARIOS.put("alarm-storm", Scenarios::alarmStorm);
        SCENARIOS.put("throttled", b -> {
            Api.HEALTH_READS.forEach(api -> b.throttle(api, 2));
            return b;
        });
        SCENARIOS.put("circuit-breaker", b -> b.circuitBreaker(true));
        SCENARIOS.put("no-known-good", SimBuilder::noKnownGood);
        SCENARIOS.put("deployment-in-progress", b -> b.deploying("2.0.43", Duration.ofSeconds(20)));
        SCENARIOS.put("stale-backup", b -> b.backupAges(Duration.ofDays(3), Duration.ofDays(4)));
        SCENARIOS.put("scan-findings", b -> b.scanFindingsForAllImages(
                Map.of(Severity.CRITICAL, 1, Severity.HIGH, 3, Severity.MEDIUM, 7, Severity.LOW, 12)));
        SCENARIOS.put("no-autoscaling", SimBuilder::noAutoScaling);
        SCENARIOS.put("no-load-balancer", SimBuilder::noLoadBalancer);
        SCENARIOS.put("slow-agent", b -> b.slowAgent("generation", 14.5));
    }

    private Scenarios() {
    }

    static List<String> names() {
        return List.copyOf(SCENARIOS.keySet());
    }

    static SimEnvironment build(String name, EnvironmentConfig config) {
        Function<SimBuilder, SimBuilder> scenario = name == null ? null : SCENARIOS.get(name);
        if (scenario == null) {
            throw InvalidInputException.notAllowed("scenario", name, names());
        }
        return scenario.apply(new SimBuilder(config)).build();
    }

    /** Nine of the service's alarms in ALARM: three since three hours before the start, six since five minutes before. */
    private static SimBuilder alarmStorm(SimBuilder b, EnvironmentConfig config) {
        String base = SimWorld.alarmBase(config);
        Instant start = SimBuilder.DEFAULT_START;
        String ns = config.metricNamespace();
        Instant longAgo = start.minus(Duration.ofHours(3));
        Instant justNow = start.minus(Duration.ofMinutes(5));
        b.alarm(base + "-dynamodb-throttles", AlarmState.ALARM, longAgo, "AWS/DynamoDB", "ThrottledRequests");
        b.alarm(base + "-cleanup-lambda-errors", AlarmState.ALARM, longAgo, "AWS/Lambda", "Errors");
        b.alarm(base + "-s3-4xx-errors", AlarmState.ALARM, longAgo, "AWS/S3", "4xxErrors");
        b.alarm(base + "-agent-generation-timeouts", AlarmState.ALARM, justNow, ns, "AgentTimeouts");
        b.alarm(base + "-agent-decision-timeouts", AlarmState.ALARM, justNow, ns, "AgentTimeouts");
        b.alarm(base + "-api-latency-p99", AlarmState.ALARM, justNow, "AWS/ApplicationELB", "TargetResponseTime");
        b.alarm(base + "-sqs-generation-queue-age", AlarmState.ALARM, justNow, "AWS/SQS", "ApproximateAgeOfOldestMessage");
        b.alarm(base + "-redis-evictions", AlarmState.ALARM, justNow, "AWS/ElastiCache", "Evictions");
        b.alarm(base + "-secrets-rotation-failed", AlarmState.ALARM, justNow, "AWS/SecretsManager", "RotationFailed");
        b.alarm(base + "-xray-sampling", AlarmState.INSUFFICIENT_DATA, start.minus(Duration.ofHours(1)), "AWS/X-Ray", "ErrorRate");
        return b;
    }

    private static SimBuilder alarmStorm(SimBuilder b) {
        return alarmStorm(b, b.config());
    }
}
