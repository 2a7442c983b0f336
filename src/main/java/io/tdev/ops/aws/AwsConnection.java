package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.runbook.Progress;

import java.time.Duration;
import java.util.Objects;

/**
 * The AWS adapters of every port over clients built once by the client factory; closing closes the clients.
 * One connection per run: {@code try (AwsConnection aws = AwsConnection.open(settings, config)) { ... aws.ports() ... }}.
 */
public final class AwsConnection implements AutoCloseable {
    private final AwsClientFactory clients;
    private final OpsPorts ports;
    private final AwsEcs ecs;

    /** How long a Logs Insights query may run before it is stopped (as {@link Polling#defaults()}). */
    private static final Duration LOGS_INSIGHTS_TIMEOUT = Duration.ofMinutes(2);
    /** FilterLogEvents pages read at most per filter (as {@code new AwsLogs(client)}). */
    private static final int LOGS_MAX_PAGES = 20;

    private AwsConnection(AwsClientFactory clients, EnvironmentConfig config, Progress progress) {
        this.clients = clients;
        this.ecs = new AwsEcs(clients.ecs(), config);
        this.ports = new OpsPorts(
                ecs,
                new AwsAutoScaling(clients.applicationAutoScaling(), config),
                new AwsAlarms(clients.cloudWatch()),
                new AwsMetrics(clients.cloudWatch()),
                new AwsLogs(clients.cloudWatchLogs(), LOGS_MAX_PAGES, polling(LOGS_INSIGHTS_TIMEOUT, progress)),
                new AwsTargetHealth(clients.elasticLoadBalancingV2(), config),
                new AwsStorage(clients.s3(), clients.cloudWatch()),
                new AwsTables(clients.dynamoDb()),
                new AwsNotifier(clients.sns(), clients.sts()),
                new AwsImageScans(clients.ecr(), polling(Duration.ZERO, progress)),
                new AwsSecrets(clients.secretsManager()),
                new AwsDns(clients.route53()),
                new AwsDatabases(clients.rds()),
                new AwsSecurityGroups(clients.ec2()));
    }

    /**
     * Builds the clients and adapters of one run. Settings are checked first: a bad region, endpoint, retry
     * mode or credentials combination is an InvalidInputException naming the field, and nothing is opened.
     *
     * @param config the environment; its region applies when the settings name none
     */
    public static AwsConnection open(AwsSettings settings, EnvironmentConfig config) {
        return open(settings, config, Progress.NONE);
    }

    /**
     * As {@link #open(AwsSettings, EnvironmentConfig)}, with the adapters' own waits (a Logs Insights query, an ECR
     * scan) reporting to {@code progress}: pass the run's {@code OpsContext.progress()}.
     */
    public static AwsConnection open(AwsSettings settings, EnvironmentConfig config, Progress progress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        return open(AwsClientFactory.create(settings == null ? AwsSettings.defaults() : settings, config.region()),
                config, progress);
    }

    /** Over a given factory (tests: WireMock endpoint, no back-off); the connection owns and closes it. */
    static AwsConnection open(AwsClientFactory clients, EnvironmentConfig config) {
        return open(clients, config, Progress.NONE);
    }

    static AwsConnection open(AwsClientFactory clients, EnvironmentConfig config, Progress progress) {
        try {
            return new AwsConnection(clients, config, progress);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    /** The adapters' polling as {@link Polling#of(Duration)}, reporting to the run's progress. */
    private static Polling polling(Duration timeout, Progress progress) {
        Polling defaults = Polling.of(timeout);
        return new Polling(defaults.firstDelay(), defaults.maxDelay(), timeout, defaults.sleeper(), progress);
    }

    public OpsPorts ports() {
        return ports;
    }

    /** The ECS adapter with what the port does not offer: {@link AwsEcs#waitUntilStable}. */
    public AwsEcs ecs() {
        return ecs;
    }

    @Override
    public void close() {
        clients.close();
    }
}
