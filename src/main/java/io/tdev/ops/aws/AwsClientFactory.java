package io.tdev.ops.aws;

import io.tdev.ops.api.ToolVersion;

import io.tdev.ops.model.InvalidInputException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Builds every AWS SDK client of a run from {@link AwsSettings}: one region, one credentials provider, one
 * Apache HTTP connection pool, the same timeouts, retry strategy and {@code tdev-ops/VERSION} user-agent suffix,
 * and the endpoint override for all of them. Each client is built once (on first use); {@link #close()} closes
 * them all, then the credentials provider and the HTTP client.
 */
public final class AwsClientFactory implements AutoCloseable {
    static final String USER_AGENT_PRODUCT = "tdev-ops";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+|aws-global|us-gov-[a-z]+-[0-9]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final int MAX_ATTEMPTS_LIMIT = 20;

    private final AwsSettings settings;
    private final Region region;
    private final Optional<URI> endpoint;
    private final Optional<BackoffStrategy> backoff;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();
    /** Each client's own once-holder, so that clients first used on different threads are built in parallel. */
    private final Map<Class<?>, Once<SdkClient>> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The identity a caller supplies (the Jenkins plugin's credentials), asked at every call; null: from the settings. */
    private final AwsCredentialsProvider given;

    private AwsClientFactory(AwsSettings settings, AwsCredentialsProvider given, String configRegion,
                             BackoffStrategy backoff) {
        this.settings = settings;
        this.given = given;
        this.backoff = Optional.ofNullable(backoff);
        checkRetryOptions(settings);
        this.endpoint = endpoint(settings.endpointUrl());
        this.region = region(settings, configRegion);
        this.http = httpClient(settings);
        try {
            this.credentials = credentials(settings);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param configRegion the environment config's region, used when the settings give none; when both are
     *                     null the SDK's chain applies (AWS_REGION, the profile's region, instance metadata)
     */
    public static AwsClientFactory create(AwsSettings settings, String configRegion) {
        return new AwsClientFactory(settings, null, configRegion, null);
    }

    /**
     * As {@link #create(AwsSettings, String)}, signing with {@code credentials} (the settings then give no static keys
     * and no profile; a {@code roleArn} is still assumed on top of it). The provider is asked again at every call, so
     * keys that rotate or expire (an assumed role's session) are renewed by it; the caller owns and closes it.
     */
    public static AwsClientFactory create(AwsSettings settings, AwsCredentialsProvider credentials, String configRegion) {
        return new AwsClientFactory(settings, Objects.requireNonNull(credentials, "credentials"), configRegion, null);
    }

    /** For tests: retries back off by {@code backoff} (e.g. {@code BackoffStrategy.retryImmediately()}). */
    static AwsClientFactory create(AwsSettings settings, String configRegion, BackoffStrategy backoff) {
        return new AwsClientFactory(settings, null, configRegion, backoff);
    }

    /** For tests: as {@link #create(AwsSettings, AwsCredentialsProvider, String)} with {@code backoff}. */
    static AwsClientFactory create(AwsSettings settings, AwsCredentialsProvider credentials, String configRegion,
                                   BackoffStrategy backoff) {
        return new AwsClientFactory(settings, Objects.requireNonNull(credentials, "credentials"), configRegion, backoff);
    }

    public Region region() {
        return region;
    }

    public EcsClient ecs() {
        return once(EcsClient.class, () -> configure(EcsClient.builder()));
    }

    public ApplicationAutoScalingClient applicationAutoScaling() {
        return once(ApplicationAutoScalingClient.class, () -> configure(ApplicationAutoScalingClient.builder()));
    }

    public CloudWatchClient cloudWatch() {
        return once(CloudWatchClient.class, () -> configure(CloudWatchClient.builder()));
    }

    public CloudWatchLogsClient cloudWatchLogs() {
        return once(CloudWatchLogsClient.class, () -> configure(CloudWatchLogsClient.builder()));
    }

    public ElasticLoadBalancingV2Client elasticLoadBalancingV2() {
        return once(ElasticLoadBalancingV2Client.class, () -> configure(ElasticLoadBalancingV2Client.builder()));
    }

    /** Path-style addressing when an endpoint is given: AWS-compatible endpoints rarely resolve bucket subdomains. */
    public S3Client s3() {
        return once(S3Client.class, () -> configure(S3Client.builder().forcePathStyle(endpoint.isPresent())));
    }

    public DynamoDbClient dynamoDb() {
        return once(DynamoDbClient.class, () -> configure(DynamoDbClient.builder()));
    }

    public SnsClient sns() {
        return once(SnsClient.class, () -> configure(SnsClient.builder()));
    }

    public EcrClient ecr() {
        return once(EcrClient.class, () -> configure(EcrClient.builder()));
    }

    public SecretsManagerClient secretsManager() {
        return once(SecretsManagerClient.class, () -> configure(SecretsManagerClient.builder()));
    }

    public Route53Client route53() {
        return once(Route53Client.class, () -> configure(Route53Client.builder()));
    }

    public RdsClient rds() {
        return once(RdsClient.class, () -> configure(RdsClient.builder()));
    }

    public Ec2Client ec2() {
        return once(Ec2Client.class, () -> configure(Ec2Client.builder()));
    }

    /** STS with the run's credentials (the assumed role's, when one is given): who the caller is. */
    public StsClient sts() {
        return once(StsClient.class, () -> configure(StsClient.builder()));
    }

    /** The override configuration every client gets: timeouts, retry strategy, user-agent suffix. */
    ClientOverrideConfiguration overrideConfiguration() {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, userAgentSuffix());
        if (settings.apiCallTimeout() != null) {
            b.apiCallTimeout(settings.apiCallTimeout());
        }
        if (settings.apiCallAttemptTimeout() != null) {
            b.apiCallAttemptTimeout(settings.apiCallAttemptTimeout());
        }
        return b.build();
    }

    static String userAgentSuffix() {
        return USER_AGENT_PRODUCT + "/" + ToolVersion.current();
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<AutoCloseable> all = new ArrayList<>();
        for (Once<SdkClient> c : clients.values()) {
            c.ifBuilt(all::add);
        }
        all.addAll(closeAtEnd);
        all.add(http);
        clients.clear();
        closeAtEnd.clear();
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort: a client that fails to close must not hide the run's result
            }
        }
    }

    @Override
    public String toString() {
        return "AwsClientFactory[region=" + region + ", endpoint=" + endpoint.map(URI::toString).orElse("default")
                + ", settings=" + settings + "]";
    }

    private <C extends SdkClient> C once(Class<C> type, Supplier<C> build) {
        if (closed) {
            throw new IllegalStateException("the AWS clients of this run are closed");
        }
        return type.cast(clients.computeIfAbsent(type, t -> new Once<>(build::get)).get());
    }

    /** Builds its value on the first get(), once, while other threads wait for that one build. */
    private static final class Once<T> {
        private final Supplier<? extends T> build;
        private volatile T value;

        Once(Supplier<? extends T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = build.get();
                        value = v;
                    }
                }
            }
            return v;
        }

        void ifBuilt(Consumer<? super T> action) {
            T v = value;
            if (v != null) {
                action.accept(v);
            }
        }
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
        return configure(builder, credentials);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, AwsCredentialsProvider credentialsProvider) {
        builder.region(region)
                .credentialsProvider(credentialsProvider)
                .httpClient(http)
                .overrideConfiguration(overrideConfiguration());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private RetryStrategy retryStrategy() {
        String mode = settings.retryMode() == null ? "standard" : settings.retryMode().toLowerCase(Locale.ROOT);
        RetryStrategy.Builder<?, ?> b = "adaptive".equals(mode)
                ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder();
        if (settings.maxAttempts() != null) {
            b.maxAttempts(settings.maxAttempts());
        }
        backoff.ifPresent(s -> b.backoffStrategy(s).throttlingBackoffStrategy(s));
        return b.build();
    }

    private static void checkRetryOptions(AwsSettings s) {
        if (s.retryMode() != null && !List.of("standard", "adaptive").contains(s.retryMode().toLowerCase(Locale.ROOT))) {
            throw InvalidInputException.notAllowed("retryMode", s.retryMode(), List.of("standard", "adaptive"));
        }
        if (s.maxAttempts() != null && (s.maxAttempts() < 1 || s.maxAttempts() > MAX_ATTEMPTS_LIMIT)) {
            throw new InvalidInputException("maxAttempts", "must be 1.." + MAX_ATTEMPTS_LIMIT + " (attempts including the first), got "
                    + s.maxAttempts());
        }
        positive(s.apiCallTimeout(), "apiCallTimeout");
        positive(s.apiCallAttemptTimeout(), "apiCallAttemptTimeout");
    }

    private static void positive(Duration d, String field) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new InvalidInputException(field, "must be more than 0, got " + d);
        }
    }

    private static Optional<URI> endpoint(String endpointUrl) {
        if (endpointUrl == null || endpointUrl.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(endpointUrl.trim());
            if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
                throw new IllegalArgumentException("no http(s) scheme and host");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("endpointUrl", "got '" + endpointUrl
                    + "'; expected an http(s) URL such as http://localhost:4566");
        }
    }

    private static Region region(AwsSettings s, String configRegion) {
        if (s.region() != null && !s.region().isBlank()) {
            return checkedRegion(s.region(), "region");
        }
        if (configRegion != null && !configRegion.isBlank()) {
            return checkedRegion(configRegion, "region (environment config)");
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(s.profile()).build().getRegion();
        } catch (SdkClientException e) {
            throw new InvalidInputException("region", "no AWS region found: give --region, set AWS_REGION, "
                    + "set region in the environment config or in the AWS profile");
        }
    }

    private static Region checkedRegion(String name, String field) {
        String n = name.trim();
        if (!REGION.matcher(n).matches()) {
            throw new InvalidInputException(field, "got '" + name + "'; expected a region id such as eu-west-1 or us-east-1");
        }
        return Region.of(n);
    }

    /**
     * Does the part of a first AWS connection that depends on no setting: the JDK's TLS context (parsing its trust
     * store, which the JDK keeps for every later context, the HTTP client's included) and the SDK's metadata of every
     * service (built once, for the first client). A command line runs it on another thread while it reads its words
     * and config (docs/benchmarks.md). A failure here is left to the real connection to report.
     */
    public static void warmUp() {
        try {
            javax.net.ssl.SSLContext.getInstance("TLS").init(null, null, null);
            software.amazon.awssdk.regions.ServiceMetadata.of("ecs");
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            // the connection builds its own context and reports what is wrong with it
        }
    }

    private static SdkHttpClient httpClient(AwsSettings s) {
        ApacheHttpClient.Builder b = ApacheHttpClient.builder();
        // the SDK's attempt timeout should win over the socket's default 30s read timeout when it is longer
        if (s.apiCallAttemptTimeout() != null && s.apiCallAttemptTimeout().compareTo(Duration.ofSeconds(30)) > 0) {
            b.socketTimeout(s.apiCallAttemptTimeout());
        }
        return b.build();
    }

    private AwsCredentialsProvider credentials(AwsSettings s) {
        boolean staticKeys = s.accessKeyId() != null || s.secretAccessKey() != null;
        if (staticKeys && s.profile() != null) {
            throw new InvalidInputException("profile", "give either static credentials or a profile, not both");
        }
        if (s.externalId() != null && s.roleArn() == null) {
            throw new InvalidInputException("externalId", "is only used with roleArn (--role-arn); give both or neither");
        }
        if (given != null && (staticKeys || s.profile() != null)) {
            throw new InvalidInputException(staticKeys ? "accessKeyId" : "profile",
                    "the caller supplies the credentials; give no static keys or profile with them");
        }
        AwsCredentialsProvider base;
        if (given != null) {
            base = given;
        } else if (staticKeys) {
            base = StaticCredentialsProvider.create(staticCredentials(s));
        } else if (s.profile() != null) {
            ProfileCredentialsProvider p = ProfileCredentialsProvider.builder().profileName(s.profile()).build();
            closeAtEnd.add(p);
            base = p;
        } else {
            DefaultCredentialsProvider d = DefaultCredentialsProvider.builder().build();
            closeAtEnd.add(d);
            base = d;
        }
        if (s.roleArn() == null) {
            return base;
        }
        if (!ROLE_ARN.matcher(s.roleArn()).matches()) {
            throw new InvalidInputException("roleArn", "got '" + s.roleArn()
                    + "'; expected arn:aws:iam::ACCOUNT:role/NAME");
        }
        StsClient sts = configure(StsClient.builder(), base);
        // close order: the provider (stops refreshing) before the STS client it calls
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(s.roleArn()).roleSessionName("tdev-ops");
                    if (s.externalId() != null) {
                        r.externalId(s.externalId());
                    }
                })
                .build();
        closeAtEnd.add(0, assumed);
        closeAtEnd.add(sts);
        return assumed;
    }

    private static AwsCredentials staticCredentials(AwsSettings s) {
        if (s.accessKeyId() == null || s.accessKeyId().isBlank()) {
            throw new InvalidInputException("accessKeyId", "must be given with secretAccessKey");
        }
        if (s.secretAccessKey() == null || s.secretAccessKey().isBlank()) {
            throw new InvalidInputException("secretAccessKey", "must be given with accessKeyId");
        }
        return s.sessionToken() != null && !s.sessionToken().isBlank()
                ? AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken())
                : AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey());
    }

    /** Package-private for tests: which provider the settings chose. */
    AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    /** The clients built so far, by their SDK interface's simple name; for tests. */
    SortedSet<String> builtClients() {
        SortedSet<String> built = new TreeSet<>();
        clients.forEach((type, c) -> c.ifBuilt(client -> built.add(type.getSimpleName())));
        return built;
    }

    /** All clients closed so far count as closed; for tests. */
    synchronized boolean hasOpenClients() {
        return !closed && clients.values().stream().anyMatch(c -> c.value != null);
    }
}
