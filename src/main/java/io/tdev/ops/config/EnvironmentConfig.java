package io.tdev.ops.config;

import io.tdev.ops.model.ServiceRef;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * One environment of T-Developer: the names of its resources and the runbook's thresholds. Built-in
 * {@code production} and {@code staging} live in {@code resources/io/tdev/ops/env/NAME.yaml}; a config file
 * overrides any field. Loaded and validated by {@link ConfigLoader}.
 *
 * @param name             environment name (production, staging, ...)
 * @param protectedEnv     a protected environment refuses 0 tasks unless forced
 * @param region           AWS region, or null for the SDK's default chain
 * @param ecs              cluster, service and the container whose image a deploy replaces
 * @param logGroup         application log group ({@code /ecs/t-developer-production})
 * @param bucket           generated-projects bucket
 * @param table            metadata table
 * @param topic            SNS alert topic (name or ARN)
 * @param repository       ECR repository of the backend image
 * @param secret           API-key secret id
 * @param metricNamespace  custom metrics namespace ({@code T-Developer/Pipeline})
 * @param alarmPrefix      alarms considered by health checks start with this; the built-ins name their own
 *                         environment ({@code t-developer-production}) so that one environment's check never counts
 *                         another's alarms (the runbook's {@code t-developer} would count them all)
 * @param targetGroupArns  ALB target groups; empty = those attached to the service
 * @param schedule         the scheduled jobs: the weekly SLO report and the monthly maintenance
 * @param security         the daily security check's thresholds and the security incident's lockdown settings
 * @param traffic          a planned traffic event: the database, where the saved state goes, the load watch's pace
 * @param dr               backup, restore and disaster fail-over (Route 53)
 * @param fleet            many services checked in one run ({@code health --services}, {@code --fleet}): rate budgets,
 *                         log-group naming, and the clusters of the configured fleet with their thresholds
 */
public record EnvironmentConfig(String name, boolean protectedEnv, String region, EcsNames ecs, String logGroup,
                                String bucket, TableNames table, String topic, String repository, String secret,
                                String metricNamespace, String alarmPrefix, List<String> targetGroupArns,
                                Slo slo, AutoScalingLimits autoscaling, Map<String, String> scalePresets,
                                HealthSettings health, DeploySettings deploy, ChecklistSettings checklist,
                                Escalation escalation, Schedule schedule,
                                SecuritySettings security, TrafficSettings traffic, IncidentSettings incident,
                                DrSettings dr,
                                FleetSettings fleet) {

    public ServiceRef serviceRef() {
        return new ServiceRef(ecs.cluster(), ecs.service());
    }

    // One field changed, the rest kept: callers that override a field (the plugin's region and topic, tests) use
    // these; all of them copy through with(component, value), so a new component needs no wither edited.

    public EnvironmentConfig withDr(DrSettings newDr) {
        return with("dr", newDr);
    }

    public EnvironmentConfig withRegion(String newRegion) {
        return with("region", newRegion);
    }

    public EnvironmentConfig withTopic(String newTopic) {
        return with("topic", newTopic);
    }

    public EnvironmentConfig withTable(TableNames newTable) {
        return with("table", newTable);
    }

    public EnvironmentConfig withTargetGroupArns(List<String> newTargetGroupArns) {
        return with("targetGroupArns", newTargetGroupArns);
    }

    public EnvironmentConfig withAlarmPrefix(String newAlarmPrefix) {
        return with("alarmPrefix", newAlarmPrefix);
    }

    public EnvironmentConfig withHealth(HealthSettings newHealth) {
        return with("health", newHealth);
    }

    public EnvironmentConfig withSchedule(Schedule newSchedule) {
        return with("schedule", newSchedule);
    }

    public EnvironmentConfig withIncident(IncidentSettings newIncident) {
        return with("incident", newIncident);
    }

    public EnvironmentConfig withFleet(FleetSettings newFleet) {
        return with("fleet", newFleet);
    }

    /** This config with component {@code component} set to {@code value}: the one copy path of the withers above. */
    private EnvironmentConfig with(String component, Object value) {
        RecordComponent[] components = EnvironmentConfig.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(component);
                values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(this);
            }
            if (!found) {
                throw new IllegalArgumentException("EnvironmentConfig has no component " + component);
            }
            return EnvironmentConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the record's own validation
            }
            throw new IllegalStateException("cannot copy EnvironmentConfig with " + component, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy EnvironmentConfig with " + component, e);
        }
    }

    /** @param container the container whose image {@code deploy} replaces; null = the first essential one */
    public record EcsNames(String cluster, String service, String container) {
    }

    /**
     * @param createdAtAttribute ISO-8601 creation time attribute of a project item
     * @param userIdAttribute    the user id attribute (weekly distinct users)
     * @param createdAtIndex     a GSI to Query by creation time instead of Scan, or null
     */
    public record TableNames(String name, String createdAtAttribute, String userIdAttribute, String createdAtIndex) {
    }

    /** The runbook's SLOs and alert thresholds (percent values 0..100, seconds). */
    public record Slo(double availabilityPercent, double pipelineP95Seconds, double errorRatePercent,
                      double highErrorRatePercent, double cpuPercent, double memoryPercent, double agentSeconds,
                      double slowResponseSeconds, int concurrentUsers) {
    }

    /** Autoscaling bounds and policy: min 2, max 20, CPU target 70%. */
    public record AutoScalingLimits(int minTasks, int maxTasks, double targetCpuPercent) {
    }

    /**
     * @param errorWindowMinutes     ERROR log events are counted in this window before the check
     * @param errorEventsDegraded    this many ERROR events make the verdict DEGRADED
     * @param errorEventsUnhealthy   this many make it UNHEALTHY
     * @param topPatterns            how many message patterns to report
     * @param signalTimeoutSeconds   a signal not read by then is UNKNOWN
     * @param parallelism            signals read at once
     */
    public record HealthSettings(int errorWindowMinutes, int errorEventsDegraded, int errorEventsUnhealthy,
                                 int topPatterns, int signalTimeoutSeconds, int parallelism) {
    }

    /**
     * @param stableTimeoutMinutes wait this long for a service to become stable
     * @param pollSeconds          between two looks at the service while waiting
     * @param bakeMinutes          health checks after a deploy, for this long
     * @param knownGoodTag         tag key marking a revision known-good
     */
    public record DeploySettings(int stableTimeoutMinutes, int pollSeconds, int bakeMinutes, String knownGoodTag) {
    }

    /**
     * @param backupMaxAgeHours a backup younger than this counts as fresh
     * @param scanSeverity      findings at or above this severity fail the scan item
     * @param waivable          items that may be waived by an approver
     */
    public record ChecklistSettings(int backupMaxAgeHours, String scanSeverity, List<String> waivable) {
    }

    /**
     * @param rateLimits     client-side budgets per API, calls a second
     * @param logGroupPrefix a service's log group is this + its name ({@code /ecs/}), unless its cluster says otherwise
     * @param clusters       the fleet {@code health --fleet} checks; empty = none configured
     */
    public record FleetSettings(FleetRateLimits rateLimits, String logGroupPrefix, List<FleetCluster> clusters) {
        public FleetSettings {
            clusters = clusters == null ? List.of() : List.copyOf(clusters);
        }
    }

    /** AWS's documented budgets: ECS DescribeServices ~20/s, ELBv2 describe calls 10/s, Logs StartQuery 5/s. */
    public record FleetRateLimits(double ecsPerSecond, double elbPerSecond, double cloudWatchPerSecond,
                                  double logsPerSecond) {
    }

    /**
     * One cluster of the fleet with its own thresholds.
     *
     * @param errorEventsDegraded  ERROR events per {@code health.errorWindowMinutes} that make a service DEGRADED
     * @param errorEventsUnhealthy ... UNHEALTHY
     */
    public record FleetCluster(String name, List<String> services, String logGroupPrefix, double cpuPercent,
                               double memoryPercent, int errorEventsDegraded, int errorEventsUnhealthy) {
        public FleetCluster {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /**
     * Who is told, how and when, per kind of incident: contacts are configuration, never code (the runbook's
     * P0: DevOps lead at once; P1: backend lead after 15 minutes unresolved; security: security officer and
     * executives; data loss: everyone). Keys P0, P1, P2, security, data-loss; a kind without a policy notifies nobody.
     */
    public record Escalation(Map<String, EscalationPolicy> policies) {
    }

    /**
     * @param to           who: names, roles or addresses, as the channel's readers understand them
     * @param channel      {@code topic} (the environment's SNS topic), {@code sns:NAME-or-ARN} (another topic),
     *                     or {@code webhook:https://...} (a chat channel's incoming webhook)
     * @param afterMinutes 0 = at once; N = only when the incident is still unresolved N minutes after it began
     */
    public record EscalationPolicy(List<String> to, String channel, int afterMinutes) {
    }

    /**
     * The incident playbooks' settings.
     *
     * @param admin                the service's admin endpoint (clear-cache, restart-agent, invalidate-sessions)
     * @param agents               the agents the service runs (their log name is NAME-agent): what restart-agent accepts
     * @param approvers            who may approve a remedy in the Jenkins incident job (empty: anyone who may build)
     * @param deployLookbackHours  P0 lists the deployments of this many hours before the incident
     * @param deploySuspectMinutes a deployment that began this shortly before the outage is its suspected cause
     * @param trafficFactor        a request rate this many times the usual one at the same hour is a traffic spike
     * @param trafficDays          the usual rate: the same hour of this many previous days
     * @param cache                P1's cache metric (the runbook's "cache metrics"); its namespace null: not configured
     * @param restartAgent         how restart-agent restarts one agent: the admin endpoint or its ECS tasks
     */
    public record IncidentSettings(AdminEndpoint admin, List<String> agents, List<String> approvers, int deployLookbackHours,
                                   int deploySuspectMinutes, double trafficFactor, int trafficDays, CacheMetric cache,
                                   AgentRestart restartAgent) {
        public IncidentSettings {
            cache = cache == null ? CacheMetric.NOT_CONFIGURED : cache;
            restartAgent = restartAgent == null ? AgentRestart.ADMIN : restartAgent;
        }

        public IncidentSettings withAdmin(AdminEndpoint newAdmin) {
            return new IncidentSettings(newAdmin, agents, approvers, deployLookbackHours, deploySuspectMinutes,
                    trafficFactor, trafficDays, cache, restartAgent);
        }

        public IncidentSettings withCache(CacheMetric newCache) {
            return new IncidentSettings(admin, agents, approvers, deployLookbackHours, deploySuspectMinutes,
                    trafficFactor, trafficDays, newCache, restartAgent);
        }

        public IncidentSettings withRestartAgent(AgentRestart newRestartAgent) {
            return new IncidentSettings(admin, agents, approvers, deployLookbackHours, deploySuspectMinutes,
                    trafficFactor, trafficDays, cache, newRestartAgent);
        }
    }

    /**
     * A cache hit-rate metric read with P1's CPU and memory (one GetMetricData batch), e.g. ElastiCache's
     * {@code AWS/ElastiCache} {@code CacheHitRate} with {@code CacheClusterId}.
     *
     * @param namespace         CloudWatch namespace; null: no cache metric is configured (the finding says so)
     * @param metric            the metric's name, in percent
     * @param dimensions        its dimensions (name -> value)
     * @param minHitRatePercent an average below this over the diagnosis window is BAD (and calls for clear-cache)
     */
    public record CacheMetric(String namespace, String metric, Map<String, String> dimensions, double minHitRatePercent) {
        public static final CacheMetric NOT_CONFIGURED = new CacheMetric(null, null, Map.of(), 80);

        public CacheMetric {
            dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        }

        public boolean configured() {
            return namespace != null;
        }
    }

    /**
     * How {@code restart-agent} restarts one agent.
     *
     * @param via                       {@code admin} ({@code POST /admin/restart-agent}) or {@code ecs-tasks} (the
     *                                  agent runs as its own ECS service: its RUNNING tasks are stopped one at a time,
     *                                  each replacement RUNNING before the next stop)
     * @param service                   ecs-tasks: the agent's ECS service in {@code ecs.cluster}, {@code {agent}}
     *                                  replaced by the agent's name (e.g. {@code t-developer-{agent}-agent-production})
     * @param replacementTimeoutSeconds ecs-tasks: a replacement must be RUNNING within this, else the restart stops
     */
    public record AgentRestart(String via, String service, int replacementTimeoutSeconds) {
        public static final List<String> VIAS = List.of("admin", "ecs-tasks");
        public static final AgentRestart ADMIN = new AgentRestart("admin", null, 300);

        public boolean viaEcsTasks() {
            return "ecs-tasks".equals(via);
        }

        /** The agent's ECS service name. */
        public String serviceOf(String agent) {
            return service.replace("{agent}", agent);
        }
    }

    /**
     * @param baseUrl        e.g. {@code https://api.t-developer.example.com}; null: not configured (admin remedies
     *                       then refuse to run, naming this field)
     * @param tokenKey       the key of the bearer token inside the environment's secret (a JSON secret)
     * @param timeoutSeconds one HTTP attempt gives up after this long
     * @param attempts       attempts of an idempotent call (clear-cache, invalidate-sessions); restart-agent is sent once
     */
    public record AdminEndpoint(String baseUrl, String tokenKey, int timeoutSeconds, int attempts) {
    }

    /**
     * A planned traffic event (the runbook's "Scaling" section).
     *
     * @param dbInstance          the environment's RDS instance identifier
     * @param stateTag            the ECS service tag where prepare records what it changed (restore reads it back)
     * @param watchPollSeconds    the load watch looks at the service this often
     * @param dbWaitTimeoutMinutes a class change applied now must reach {@code available} within this
     */
    public record TrafficSettings(String dbInstance, String stateTag, int watchPollSeconds, int dbWaitTimeoutMinutes) {
    }

    /**
     * Backup, restore and the runbook's DNS fail-over. The newest backup's allowed age is
     * {@code checklist.backupMaxAgeHours} (one source for "a fresh backup").
     *
     * @param backupNamePattern      on-demand backup names: {@code {env}} and {@code {time}} (UTC yyyyMMdd-HHmmss)
     *                               are replaced; the result must be 3..255 of a-z A-Z 0-9 _ - .
     * @param waitTimeoutMinutes     how long to wait for a backup to be AVAILABLE, a restored table ACTIVE, a DNS
     *                               change INSYNC
     * @param pollSeconds            between two looks while waiting
     * @param verifyTolerancePercent a backup verifies when its item count and size differ from the table's by at
     *                               most this (the table keeps taking writes while DynamoDB refreshes its counts)
     * @param replicationSampleSize  how many of the newest objects dr-check asks S3 for their replication status
     * @param replicationLagMinutes  an object younger than this may still be PENDING (S3 RTC replicates within 15)
     * @param hostedZoneId           Route 53 hosted zone of the service's record
     * @param recordName             the record clients resolve (the fail-over switches its value)
     * @param recordType             CNAME (or A/AAAA with IP targets)
     * @param primaryTarget          the record's value in normal operation (the primary region's load balancer)
     * @param secondaryTarget        its value after fail-over (the recovery region's load balancer)
     * @param ttl                    the record's TTL in seconds
     * @param primaryHealthCheckId   the Route 53 health check of the primary target
     */
    public record DrSettings(String backupNamePattern, int waitTimeoutMinutes, int pollSeconds,
                             double verifyTolerancePercent, int replicationSampleSize, int replicationLagMinutes,
                             String hostedZoneId, String recordName, String recordType, String primaryTarget,
                             String secondaryTarget, long ttl, String primaryHealthCheckId) {
    }

    /**
     * The scheduled jobs (weekly SLO report, monthly maintenance).
     *
     * @param timeZone    the zone whose days and weeks the reports use (e.g. Asia/Seoul); null = UTC
     * @param weekly      the weekly report's metric names
     * @param maintenance the monthly maintenance defaults
     */
    public record Schedule(String timeZone, WeeklyReportSettings weekly, MaintenanceSettings maintenance) {
        /** The configured zone, UTC when unset. */
        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(timeZone == null ? "UTC" : timeZone);
        }
    }

    /**
     * Metric names in {@code metricNamespace} the weekly report reads.
     *
     * @param pipelineTimeMetric pipeline execution time in seconds (the runbook's {@code PipelineExecutionTime})
     * @param successMetric      successful generations, a count ({@code GenerationSuccess})
     * @param failureMetric      failed generations, a count ({@code GenerationFailure})
     */
    public record WeeklyReportSettings(String pipelineTimeMetric, String successMetric, String failureMetric) {
    }

    /**
     * @param retentionDays      log retention every group of the prefix gets (the runbook: 30)
     * @param staleDays          objects older than this are stale (the runbook: 7)
     * @param keepRevisions      ACTIVE task-definition revisions kept (newest first)
     * @param scanImages         newest images whose scan findings are read
     * @param scanTimeoutMinutes wait this long for a scan the task started
     * @param lifecycleExpireDays a proposed lifecycle rule expires objects after this many days
     */
    public record MaintenanceSettings(int retentionDays, int staleDays, int keepRevisions, int scanImages,
                                      int scanTimeoutMinutes, int lifecycleExpireDays, String logGroupsContaining) {
        /** The values CloudWatch Logs' PutRetentionPolicy accepts (one list, the Logs port's). */
        public static final List<Integer> LOG_RETENTION_DAYS = io.tdev.ops.port.Logs.RETENTION_DAYS;
    }

    /**
     * The runbook's "Security" section: what the daily check counts as a finding, and how an incident locks the
     * projects bucket down.
     *
     * @param groupNameContains      security groups whose names contain this are checked ({@code *t-developer*})
     * @param allowedOpenPorts       ports that may be open to 0.0.0.0/0 or ::/0 (the ALB's 443)
     * @param failedLoginsWarning    {@code authentication failed} events per 24 h that make a finding
     * @param failedLoginsCritical   ... that make it critical
     * @param rateLimitedWarning     {@code rate_limit_exceeded} events per 24 h that make a finding
     * @param rateLimitedCritical    ... that make it critical
     * @param surgeFactor            a count this many times the previous window's (and at least half the warning
     *                               threshold) is a finding even below the threshold
     * @param secretMaxAgeDays       the API-key secret's current value may be this old
     * @param rotationWaitMinutes    rotate-secret waits this long for Secrets Manager's rotation to finish
     * @param breakGlassRole         the IAM role (name or ARN) a bucket lockdown leaves access to
     * @param policyBackupSecret     the Secrets Manager secret that keeps the bucket policy a lockdown replaced
     */
    public record SecuritySettings(String groupNameContains, List<Integer> allowedOpenPorts, int failedLoginsWarning,
                                   int failedLoginsCritical, int rateLimitedWarning, int rateLimitedCritical,
                                   double surgeFactor, int secretMaxAgeDays, int rotationWaitMinutes,
                                   String breakGlassRole, String policyBackupSecret) {
    }
}
