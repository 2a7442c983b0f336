package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;

import java.util.Objects;

/**
 * The AWS adapters of every port over clients built once by the client factory; closing closes the clients.
 * One connection per run: {@code try (AwsConnection aws = AwsConnection.open(settings, config)) { ... aws.ports() ... }}.
 */
public final class AwsConnection implements AutoCloseable {
    private final AwsClientFactory clients;
    private final OpsPorts ports;
    private final AwsEcs ecs;

    private AwsConnection(AwsClientFactory clients, EnvironmentConfig config) {
        this.clients = clients;
        this.ecs = new AwsEcs(clients.ecs(), config);
        this.ports = new OpsPorts(
                ecs,
                new AwsAutoScaling(clients.applicationAutoScaling(), config),
                new AwsAlarms(clients.cloudWatch()),
                new AwsMetrics(clients.cloudWatch()),
                new AwsLogs(clients.cloudWatchLogs()),
                new AwsTargetHealth(clients.elasticLoadBalancingV2(), config),
                new AwsStorage(clients.s3(), clients.cloudWatch()),
                new AwsTables(clients.dynamoDb()),
                new AwsNotifier(clients.sns(), clients.sts()),
                new AwsImageScans(clients.ecr()),
                new AwsSecrets(clients.secretsManager()),
                new AwsDns(clients.route53()),
                new AwsDatabases(clients.rds()));
    }

    /**
     * Builds the clients and adapters of one run. Settings are checked first: a bad region, endpoint, retry
     * mode or credentials combination is an InvalidInputException naming the field, and nothing is opened.
     *
     * @param config the environment; its region applies when the settings name none
     */
    public static AwsConnection open(AwsSettings settings, EnvironmentConfig config) {
        Objects.requireNonNull(config, "config");
        return open(AwsClientFactory.create(settings == null ? AwsSettings.defaults() : settings, config.region()), config);
    }

    /** Over a given factory (tests: WireMock endpoint, no back-off); the connection owns and closes it. */
    static AwsConnection open(AwsClientFactory clients, EnvironmentConfig config) {
        try {
            return new AwsConnection(clients, config);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
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
