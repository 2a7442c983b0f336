package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.IngressRule;
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
        SCENARIOS.put("outage-after-deploy", b -> b.deploying("2.0.43", Duration.ofMinutes(40))
                .outageAfterDeploy(Duration.ofMinutes(4)));
        SCENARIOS.put("traffic-spike", b -> b.autoScaling(2, 4).traffic(5, Duration.ofMinutes(12)));
        SCENARIOS.put("cache-degraded", b -> b.staleCache(3));
        SCENARIOS.put("failing-agent", b -> b.failingAgent("search", Duration.ofMinutes(25)));
        SCENARIOS.put("fleet", b -> b.fleet(24, List.of(b.config().ecs().cluster(), "t-developer-batch-" + b.config().name())));
        SCENARIOS.put("large-fleet", b -> b.fleet(120, List.of(b.config().ecs().cluster(), "t-developer-batch-" + b.config().name())));
        SCENARIOS.put("new-bucket", b -> b.newBucket(Duration.ofHours(3), 700));
        SCENARIOS.put("alarms-by-dimension", Scenarios::alarmsByDimension);
        // The week before the start (Mon 16 .. Sun 22 Nov 2026) had a bad Wednesday: ten hours of a faulty release.
        // A month without maintenance: 23 ACTIVE revisions, the newest images with HIGH/CRITICAL findings, a 3-day-old backup
        // (log groups without retention and projects older than a week are in every scenario)
        SCENARIOS.put("needs-maintenance", b -> b.revisions(20, 42).knownGood(42).onlyDeployedImages()
                .scanFindings("2.0.42", Map.of(Severity.CRITICAL, 1, Severity.HIGH, 2, Severity.MEDIUM, 4))
                .scanFindings("2.0.41", Map.of(Severity.HIGH, 1, Severity.LOW, 3))
                .backupAges(Duration.ofDays(3), Duration.ofDays(4)));
        // a bad Wednesday: ten bad hours, and a fix deployed at 17:30 that the deploy guard stopped and ECS rolled back
        SCENARIOS.put("slo-missed", b -> b.historyIncident(Instant.parse("2026-11-18T08:00:00Z"), Duration.ofHours(10), 0.6)
                .pastRollback(Instant.parse("2026-11-18T17:30:00Z"), Duration.ofMinutes(25),
                        "Service deployment rolled back because of a StopServiceDeployment request."));
        SCENARIOS.put("open-port-22", b -> b.ingress("t-developer-ecs-tasks",
                new IngressRule("tcp", 22, 22, List.of("0.0.0.0/0", "::/0"), List.of())));
        SCENARIOS.put("stale-secret", b -> b.apiSecret(Duration.ofDays(200), false));
        SCENARIOS.put("failed-login-burst", b -> b
                .logBurst("authentication failed", 480, Duration.ofHours(2), "45.155.205.233", "45.155.205.234",
                        "185.220.101.7")
                .logBurst("rate_limit_exceeded", 620, Duration.ofHours(2), "45.155.205.233", "185.220.101.7"));
        SCENARIOS.put("bucket-locked-down", Scenarios::bucketLockedDown);
        // the runbook's k6 test (100 users, 10 minutes, from a minute after the start) on the usual three tasks:
        // the service saturates and the load watch must stop the test
        SCENARIOS.put("load-test", b -> b.loadTest(Duration.ofMinutes(1), Duration.ofMinutes(10), 100));
        // the same test after traffic-event prepare: ten tasks carry the same steady traffic and the test passes
        // a traffic event prepared two hours ago (10 tasks, autoscaling 10..20, the database on db.r6g.xlarge) whose
        // record waits on the service tag for traffic-event restore
        SCENARIOS.put("traffic-event-prepared", b -> b.trafficEventPrepared(10, "db.r6g.xlarge"));
        SCENARIOS.put("load-test-prepared", b -> b.desiredCount(10).cpuPercent(16.5).autoScaling(10, 20)
                .loadTest(Duration.ofMinutes(1), Duration.ofMinutes(10), 100));
        SCENARIOS.put("missing-replication", SimBuilder::noReplication);
        SCENARIOS.put("replication-failed", b -> b.replicationFailures(3));
        SCENARIOS.put("no-pitr", SimBuilder::noPointInTimeRecovery);
        SCENARIOS.put("primary-unhealthy", SimBuilder::primaryUnhealthy);
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

    /**
     * An hour before the start, {@code lockdown-bucket} locked the projects bucket down; it had no policy before. The
     * saved copy and the lockdown policy are written as that command writes them (docs/security.md), so that
     * {@code lockdown-bucket --restore} has something to put back: here, nothing (DeleteBucketPolicy).
     */
    private static SimBuilder bucketLockedDown(SimBuilder b) {
        EnvironmentConfig config = b.config();
        String bucket = "arn:aws:s3:::" + config.bucket();
        String role = config.security().breakGlassRole();
        String lockdown = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TdevOpsEmergencyLockdown\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"" + bucket + "\",\""
                + bucket + "/*\"],\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\""
                + (role.startsWith("arn:") ? role : "arn:aws:iam::*:role/" + role) + "\"}}}]}";
        String saved = "tdev-ops bucket policy backup v1\nbucket: " + config.bucket() + "\nstate: LOCKED_DOWN\nsavedAt: "
                + SimBuilder.DEFAULT_START.minus(Duration.ofHours(1)) + "\nsavedBy: alice\nhadPolicy: false\n\n";
        return b.bucketPolicy(lockdown).secret(config.security().policyBackupSecret(), saved);
    }

    /**
     * Alarms named without the environment's prefix: the network team's on this environment's load balancer
     * (counted, by its LoadBalancer dimension) and one on the other environment's service (not counted).
     */
    private static SimBuilder alarmsByDimension(SimBuilder b) {
        EnvironmentConfig config = b.config();
        String other = config.name().equals("staging") ? "production" : "staging";
        Instant since = SimBuilder.DEFAULT_START.minus(Duration.ofMinutes(20));
        return b.alarm("network-alb-5xx", AlarmState.ALARM, since, "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count",
                        Map.of("LoadBalancer", SimWorld.loadBalancerDimension(config)))
                .alarm("ops-backend-cpu-" + other, AlarmState.ALARM, since, "AWS/ECS", "CPUUtilization",
                        Map.of("ClusterName", config.ecs().cluster().replace(config.name(), other),
                                "ServiceName", config.ecs().service().replace(config.name(), other)));
    }

    private static SimBuilder alarmStorm(SimBuilder b) {
        return alarmStorm(b, b.config());
    }
}
