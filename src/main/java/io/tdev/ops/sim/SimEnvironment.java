package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.files.FileTestReports;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.SecurityGroup;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TableBackup;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.api.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The simulated T-Developer environment: every port, stateful, in memory, on virtual time. Sleeping through
 * {@link #sleeper()} (or {@link #advance}) moves the virtual clock in 5-second steps and lets the world
 * evolve: tasks start, pass or fail health checks and crash, deployments complete or fail, logs and metrics
 * accumulate, alarms flip. Nothing sleeps in real time except a call made to hang by {@link #faults()}.
 * Thread-safe: every call runs under one lock; the same scenario and the same calls give the same results.
 *
 * <h2>The world</h2>
 * Names come from the {@link EnvironmentConfig}: cluster, service, log group, bucket, table, topic, ECR
 * repository, secret, alarm prefix, metric namespace. The task-definition family is
 * {@code t-developer-backend-<env>}; revision N runs image {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:2.0.N}
 * (region from the config, else ap-northeast-2; account 123456789012). An image is bad when its tag contains
 * {@code bad} or it was {@link #markImageBad marked}: its tasks never pass the ALB health check, log ERRORs,
 * push CPU, memory and 5xx up, and exit after ~45 s. A {@code faulty} image passes health checks but fails
 * ~40 % of its generations (ERROR logs, 5xx, error-rate alarm). Alarms {@code <prefix>-<env>-alb-5xx},
 * {@code -error-rate}, {@code -unhealthy-hosts}, {@code -cpu-high}, {@code -memory-high}, {@code -pipeline-p95}
 * follow the service; {@code -dynamodb-throttles} and {@code -cleanup-lambda-errors} stay OK; an alarm
 * {@code billing-estimated-charges} outside the prefix is always in ALARM.
 *
 * <p>Backups are CREATING for a minute, then AVAILABLE; a restored table is CREATING for four minutes, then ACTIVE
 * with the backup's items. The service's DNS record ({@code dr.recordName}) points at {@code dr.primaryTarget};
 * a Route 53 change is PENDING for a minute, then INSYNC.
 *
 * <h2>Scenarios</h2>
 * <ul>
 *   <li>{@code healthy} (alias {@code good}): steady on revision 42 (38..42 ACTIVE, 35..37 INACTIVE), 42 tagged
 *       known-good, 3 tasks, autoscaling 2..20, circuit breaker on without rollback, backup 6 h old, clean scans
 *       (only MEDIUM/LOW findings), alarms OK.</li>
 *   <li>{@code bad-deploy}: revision 43 ({@code 2.1.0-bad}) began deploying 80 s ago and is failing: its tasks crash,
 *       errors pour in; the breaker fails it after 3 failed tasks. 42 stays known-good.</li>
 *   <li>{@code faulty-deploy}: revision 43 ({@code 2.1.0-faulty}) began 150 s ago; it will complete, but its tasks
 *       fail generations: the case a post-deploy health check (bake) must catch.</li>
 *   <li>{@code alarm-storm}: nine service alarms in ALARM, three since 06:00 (before the start), six since 08:55,
 *       one INSUFFICIENT_DATA.</li>
 *   <li>{@code throttled}: the first two calls of each health-check read (DescribeServices, DescribeAlarms,
 *       FilterLogEvents, DescribeTargetHealth, GetMetricData) are throttled.</li>
 *   <li>{@code circuit-breaker}: healthy, with the circuit breaker's rollback on: ECS rolls a failed deployment back.</li>
 *   <li>{@code no-known-good}: healthy, but no revision carries the known-good tag.</li>
 *   <li>{@code deployment-in-progress}: a good revision 43 ({@code 2.0.43}) began deploying 20 s ago.</li>
 *   <li>{@code stale-backup}: the newest backup is 3 days old.</li>
 *   <li>{@code scan-findings}: every image has 1 CRITICAL and 3 HIGH findings (and MEDIUM/LOW ones).</li>
 *   <li>{@code no-autoscaling}: no Application Auto Scaling target is registered.</li>
 *   <li>{@code no-load-balancer}: the service lists no target group (no ALB in front of it).</li>
 *   <li>{@code slow-agent}: the generation agent's {@code execution_time} averages 14.5 s.</li>
 *   <li>{@code outage-after-deploy}: revision 43 ({@code 2.0.43}) was deployed 40 minutes ago and completed; 4
 *       minutes ago a latent defect broke every task of it: total outage (no healthy target), a rollback to 42 ends it.</li>
 *   <li>{@code traffic-spike}: no deploy; for 12 minutes requests and CPU demand are 5 times the usual, and
 *       autoscaling is capped at 4 tasks: CPU at its ceiling, slow responses; more tasks (scale p0) end it.</li>
 *   <li>{@code cache-degraded}: a stale cache makes every agent 3 times slower (the generation agent over 10 s)
 *       until {@code POST /admin/clear-cache}.</li>
 *   <li>{@code failing-agent}: the search agent's calls time out since 25 minutes ago, until it is restarted
 *       ({@code POST /admin/restart-agent}).</li>
 *   <li>{@code open-port-22}: the tasks' security group {@code t-developer-ecs-tasks-<env>} admits SSH (tcp 22)
 *       from 0.0.0.0/0 and ::/0.</li>
 *   <li>{@code stale-secret}: the API-key secret's value is 200 days old and no rotation is configured (RotateSecret
 *       is refused; a new value goes in with PutSecretValue).</li>
 *   <li>{@code failed-login-burst}: in the two hours before the start, 480 {@code authentication failed} and 620
 *       {@code rate_limit_exceeded} events, most from 45.155.205.233.</li>
 *   <li>{@code bucket-locked-down}: an hour before the start {@code lockdown-bucket} locked the projects bucket down;
 *       it had no policy before (the saved copy says so), so a restore deletes the policy.</li>
 *   <li>{@code missing-replication}: the projects bucket has no replication configuration (objects carry no status).</li>
 *   <li>{@code replication-failed}: replication is configured, but the 3 newest objects are FAILED.</li>
 *   <li>{@code no-pitr}: point-in-time recovery is off on the metadata table.</li>
 *   <li>{@code primary-unhealthy}: every Route 53 checker sees the primary target failing (the fail-over case).</li>
 * </ul>
 */
public final class SimEnvironment {
    private final SimWorld world;
    private final OpsPorts ports;

    SimEnvironment(SimWorld world) {
        this.world = world;
        this.ports = new OpsPorts(world.ecs, world.autoScaling, world.alarms, world.metrics, world.logs, world.targetHealth,
                world.storage, world.tables, world.notifier, world.imageScans, world.secrets, world.dns, world.databases,
                world.securityGroups, world.admin, world.webhooks,
                // the build's test reports are no part of the simulated AWS: a simulated run reads real files
                FileTestReports.inWorkingDirectory());
    }

    /** A named scenario (see the class documentation) seeded with the config's names; unknown names list the known ones. */
    public static SimEnvironment scenario(String name, EnvironmentConfig config) {
        return Scenarios.build(name, config);
    }

    public static List<String> scenarioNames() {
        return Scenarios.names();
    }

    /** Starts from the {@code healthy} defaults; see {@link SimBuilder}. */
    public static SimBuilder builder(EnvironmentConfig config) {
        return new SimBuilder(config);
    }

    public OpsPorts ports() {
        return ports;
    }

    /** The virtual clock (UTC). */
    public Clock clock() {
        return world.clock;
    }

    /** Sleeping advances virtual time; an interrupted thread gets InterruptedException as with a real sleep. */
    public Sleeper sleeper() {
        return duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before sleeping " + duration);
            }
            world.advance(duration);
        };
    }

    public void advance(Duration duration) {
        world.advance(duration);
    }

    /** Advances in 5-second steps until the service satisfies {@code condition} or {@code max} passed; true if it did. */
    public boolean advanceUntil(Predicate<ServiceState> condition, Duration max) {
        Instant deadline = now().plus(max);
        while (true) {
            if (condition.test(service())) {
                return true;
            }
            if (!now().isBefore(deadline)) {
                return false;
            }
            Duration left = Duration.between(now(), deadline);
            world.advance(left.compareTo(SimWorld.STEP) < 0 ? left : SimWorld.STEP);
        }
    }

    public Instant now() {
        return world.now();
    }

    public EnvironmentConfig config() {
        return world.config;
    }

    // ---- faults and calls -----------------------------------------------------------------------------------

    public Faults faults() {
        return world.faults;
    }

    public int calls(String api) {
        return world.faults.calls(api);
    }

    public List<SimCall> callLog() {
        return world.faults.callLog();
    }

    // ---- changing the world behind the engine's back -------------------------------------------------------

    /** Tasks started from now on with this image (full URI, or just a tag of the config's repository) crash. */
    public void markImageBad(String image) {
        world.inspect(() -> world.badImages.add(fullImage(image)));
    }

    /** Tasks started from now on with this image pass health checks but fail many generations. */
    public void markImageFaulty(String image) {
        world.inspect(() -> world.faultyImages.add(fullImage(image)));
    }

    /** Switches the circuit breaker on, with or without ECS's own rollback. */
    public void circuitBreaker(boolean rollback) {
        world.inspect(() -> {
            world.ecs.circuitBreaker(true, rollback);
            return null;
        });
    }

    private String fullImage(String image) {
        if (image == null || image.isBlank()) {
            throw new InvalidInputException("image", "must not be empty");
        }
        return image.contains("/") ? image : world.imageUri(image);
    }

    // ---- inspection (not counted, never faulted) ----------------------------------------------------------

    public ServiceState service() {
        return world.inspect(world.ecs::state);
    }

    public TaskDefinitionRef currentRevision() {
        return world.inspect(world.ecs::currentRevision);
    }

    public List<Deployment> deployments() {
        return service().deployments();
    }

    public int desiredCount() {
        return world.inspect(world.ecs::desired);
    }

    public String family() {
        return world.family();
    }

    public TaskDefinitionRef revision(int number) {
        return new TaskDefinitionRef(world.family(), number);
    }

    public TaskDefinition taskDefinition(int revision) {
        return world.inspect(() -> {
            SimTaskDefinition def = world.ecs.taskDefinition(revision(revision));
            return def.view(world.taskDefinitionArn(def.ref));
        });
    }

    public Map<String, String> tagsOf(int revision) {
        return taskDefinition(revision).tags();
    }

    public String taskDefinitionArn(int revision) {
        return world.taskDefinitionArn(revision(revision));
    }

    /** The image URI of a tag in the config's repository. */
    public String imageUri(String tag) {
        return world.imageUri(tag);
    }

    public int failureThreshold() {
        return world.inspect(world.ecs::failureThreshold);
    }

    public List<TargetHealthDescription> targets() {
        return world.inspect(() -> world.targetHealth.targets(world.now()));
    }

    public String targetGroupArn() {
        return world.targetGroupArn();
    }

    public List<Alarm> alarms() {
        return world.inspect(world.alarms::all);
    }

    public Optional<Alarm> alarm(String name) {
        return world.inspect(() -> world.alarms.alarm(name));
    }

    /** Events of the service's log group in [from, to). */
    public List<LogEvent> logEvents(Instant from, Instant to) {
        return world.inspect(() -> world.logs.events().stream()
                .filter(e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to)).toList());
    }

    public Map<String, Integer> logRetention() {
        return world.inspect(() -> Map.copyOf(world.logs.retentions().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    public Optional<ScalableTarget> scalableTarget() {
        return world.inspect(world.autoScaling::inspect);
    }

    public List<SimNotification> notifications() {
        return world.inspect(world.notifier::inbox);
    }

    public String topicArn() {
        return world.notifier.topicArn();
    }

    public List<TableBackup> backups() {
        return world.inspect(world.tables::backups);
    }

    public Set<String> tables() {
        return world.inspect(() -> Set.copyOf(world.tables.tableNames()));
    }

    public int secretRotations() {
        return world.inspect(world.secrets::rotations);
    }

    public Optional<String> bucketPolicy() {
        return world.inspect(() -> Optional.ofNullable(world.storage.policy()));
    }

    /** Every value of every version of every secret: what no output, progress line or error may contain. */
    public List<String> secretValues() {
        return world.inspect(world.secrets::values);
    }

    /** Version id → staging labels (AWSCURRENT, AWSPREVIOUS, AWSPENDING) of a secret, oldest first. */
    public Map<String, List<String>> secretStages(String name) {
        return world.inspect(() -> world.secrets.stages(name));
    }

    /** The current value of a secret, or empty when it does not exist. */
    public Optional<String> secretValue(String name) {
        return world.inspect(() -> world.secrets.currentValue(name));
    }

    /** Replaces the bucket policy behind the engine's back (null: none), e.g. a policy someone edited by hand. */
    public void bucketPolicy(String json) {
        world.inspect(() -> {
            world.storage.policy(json);
            return null;
        });
    }

    public List<SecurityGroup> securityGroups() {
        return world.inspect(world.securityGroups::all);
    }

    public Map<String, DnsRecord> dnsRecords() {
        return world.inspect(world.dns::records);
    }

    /** Agents restarted through the admin endpoint, in order. */
    public List<String> restartedAgents() {
        return world.inspect(world.admin::restarted);
    }

    /** How many times sessions were invalidated through the admin endpoint. */
    public int sessionInvalidations() {
        return world.inspect(world.admin::sessionGenerations);
    }

    /** The tasks of an agent's own ECS service (incident.restartAgent.service), oldest first. */
    public List<io.tdev.ops.model.EcsTask> agentTasks(String agent) {
        return world.inspect(() -> world.agentServices.tasks(world.config.incident().restartAgent().serviceOf(agent)));
    }

    /** From now on the agents' replacement tasks never leave PENDING (an image that cannot be pulled). */
    public void stallAgentReplacements() {
        world.inspect(() -> world.agentServices.replacementsStart = false);
    }

    /** The ElastiCache cluster whose CacheHitRate the simulation answers (CacheClusterId). */
    public String cacheClusterId() {
        return world.cache.clusterId();
    }

    public boolean cacheStale() {
        return world.inspect(() -> world.cacheStale);
    }

    /** Agents failing now (until restarted). */
    public Set<String> failingAgents() {
        return world.inspect(() -> Set.copyOf(world.failingAgents.keySet()));
    }

    /** Chat webhook posts: URL and text. */
    public List<Map.Entry<String, String>> webhookPosts() {
        return world.inspect(() -> world.webhooks.posts().stream()
                .map(p -> Map.entry(p.url(), p.text())).toList());
    }

    /** The admin endpoint's bearer token now (tests: prove it reaches no output). */
    public String adminToken() {
        return world.inspect(world.secrets::adminToken);
    }

    /** Starts a load test now: {@code users} virtual users for {@code duration}. */
    public void startLoadTest(int users, Duration duration) {
        world.inspect(() -> {
            world.load.add(world.now(), duration, users);
            return null;
        });
    }

    /** The load tool was told to stop (the load watch's stop file): no more virtual users from now on. */
    public void stopLoadTest() {
        world.inspect(() -> {
            world.load.stop(world.now());
            return null;
        });
    }

    public int loadTestUsers() {
        return world.inspect(() -> world.load.usersAt(world.now()));
    }

    public String loadBalancerArn() {
        return world.loadBalancerArn();
    }

    public String databaseId() {
        return world.databases.instanceId;
    }

    public DbInstance database() {
        return world.inspect(world.databases::view);
    }
}
