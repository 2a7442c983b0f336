package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.files.FileTestReports;
import io.tdev.ops.port.Admin;
import io.tdev.ops.port.Alarms;
import io.tdev.ops.port.AutoScaling;
import io.tdev.ops.port.Databases;
import io.tdev.ops.port.Dns;
import io.tdev.ops.port.Ecs;
import io.tdev.ops.port.ImageScans;
import io.tdev.ops.port.Logs;
import io.tdev.ops.port.Metrics;
import io.tdev.ops.port.Notifier;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.port.Secrets;
import io.tdev.ops.port.SecurityGroups;
import io.tdev.ops.port.Storage;
import io.tdev.ops.port.Tables;
import io.tdev.ops.port.TargetHealth;
import io.tdev.ops.port.Webhooks;
import io.tdev.ops.api.Progress;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The AWS adapters of every port over clients built once by the client factory; closing closes the clients.
 * One connection per run: {@code try (AwsConnection aws = AwsConnection.open(settings, config)) { ... aws.ports() ... }}.
 */
public final class AwsConnection implements AutoCloseable {
    private final AwsClientFactory clients;
    private final OpsPorts ports;
    private final Supplier<AwsEcs> ecs;

    /** How long a Logs Insights query may run before it is stopped (as {@link Polling#defaults()}). */
    private static final Duration LOGS_INSIGHTS_TIMEOUT = Duration.ofMinutes(2);
    /** FilterLogEvents pages read at most per filter (as {@code new AwsLogs(client)}). */
    private static final int LOGS_MAX_PAGES = 20;

    private AwsConnection(AwsClientFactory clients, EnvironmentConfig config, Progress progress) {
        this.clients = clients;
        // every adapter is built on its port's first call, with the clients it needs (see LazyPort)
        Ecs ecsPort = LazyPort.of(Ecs.class, () -> new AwsEcs(clients.ecs(), config));
        this.ecs = () -> (AwsEcs) LazyPort.adapter(ecsPort);
        // one Secrets adapter: the admin endpoint reads its token through it
        Secrets secrets = LazyPort.of(Secrets.class, () -> new AwsSecrets(clients.secretsManager()));
        this.ports = new OpsPorts(
                ecsPort,
                LazyPort.of(AutoScaling.class, () -> new AwsAutoScaling(clients.applicationAutoScaling(), config)),
                LazyPort.of(Alarms.class, () -> new AwsAlarms(clients.cloudWatch())),
                LazyPort.of(Metrics.class, () -> new AwsMetrics(clients.cloudWatch())),
                LazyPort.of(Logs.class, () -> new AwsLogs(clients.cloudWatchLogs(), LOGS_MAX_PAGES,
                        polling(LOGS_INSIGHTS_TIMEOUT, progress))),
                LazyPort.of(TargetHealth.class, () -> new AwsTargetHealth(clients.elasticLoadBalancingV2(), config)),
                LazyPort.of(Storage.class, () -> new AwsStorage(clients.s3(), clients.cloudWatch())),
                LazyPort.of(Tables.class, () -> new AwsTables(clients.dynamoDb())),
                LazyPort.of(Notifier.class, () -> new AwsNotifier(clients.sns(), clients.sts())),
                LazyPort.of(ImageScans.class, () -> new AwsImageScans(clients.ecr(), polling(Duration.ZERO, progress))),
                secrets,
                LazyPort.of(Dns.class, () -> new AwsDns(clients.route53())),
                LazyPort.of(Databases.class, () -> new AwsDatabases(clients.rds())),
                LazyPort.of(SecurityGroups.class, () -> new AwsSecurityGroups(clients.ec2())),
                LazyPort.of(Admin.class, () -> new HttpAdmin(config, secrets, HttpAdmin.client(config),
                        io.tdev.ops.api.Sleeper.system(), java.time.Clock.systemUTC())),
                LazyPort.of(Webhooks.class, () -> new HttpWebhooks(HttpAdmin.client(config),
                        Duration.ofSeconds(config.incident().admin().timeoutSeconds()))),
                // the build's reports are local files wherever the engine runs against AWS (a Jenkins step reads its
                // workspace instead)
                FileTestReports.inWorkingDirectory());
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

    /**
     * As {@link #open(AwsSettings, EnvironmentConfig, Progress)}, signing with {@code credentials} (the Jenkins plugin's
     * credentials, asked again at every call so that rotating or expiring keys are renewed); the caller closes them.
     */
    public static AwsConnection open(AwsSettings settings, AwsCredentialsProvider credentials, EnvironmentConfig config,
                                     Progress progress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        return open(AwsClientFactory.create(settings == null ? AwsSettings.defaults() : settings, credentials,
                config.region()), config, progress);
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
        return ecs.get();
    }

    /** The factory, for tests: which clients were built. */
    AwsClientFactory clients() {
        return clients;
    }

    @Override
    public void close() {
        clients.close();
    }
}
