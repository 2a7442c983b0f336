package io.tdev.ops.config;

import io.tdev.ops.model.ServiceRef;

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
 */
public record EnvironmentConfig(String name, boolean protectedEnv, String region, EcsNames ecs, String logGroup,
                                String bucket, TableNames table, String topic, String repository, String secret,
                                String metricNamespace, String alarmPrefix, List<String> targetGroupArns,
                                Slo slo, AutoScalingLimits autoscaling, Map<String, String> scalePresets,
                                HealthSettings health, DeploySettings deploy, ChecklistSettings checklist,
                                Escalation escalation) {

    public ServiceRef serviceRef() {
        return new ServiceRef(ecs.cluster(), ecs.service());
    }

    // One field changed, the rest kept: callers that override a field (the plugin's region and topic, tests)
    // use these instead of repeating all twenty components.

    public EnvironmentConfig withRegion(String newRegion) {
        return new EnvironmentConfig(name, protectedEnv, newRegion, ecs, logGroup, bucket, table, topic, repository,
                secret, metricNamespace, alarmPrefix, targetGroupArns, slo, autoscaling, scalePresets, health, deploy,
                checklist, escalation);
    }

    public EnvironmentConfig withTopic(String newTopic) {
        return new EnvironmentConfig(name, protectedEnv, region, ecs, logGroup, bucket, table, newTopic, repository,
                secret, metricNamespace, alarmPrefix, targetGroupArns, slo, autoscaling, scalePresets, health, deploy,
                checklist, escalation);
    }

    public EnvironmentConfig withTable(TableNames newTable) {
        return new EnvironmentConfig(name, protectedEnv, region, ecs, logGroup, bucket, newTable, topic, repository,
                secret, metricNamespace, alarmPrefix, targetGroupArns, slo, autoscaling, scalePresets, health, deploy,
                checklist, escalation);
    }

    public EnvironmentConfig withTargetGroupArns(List<String> newTargetGroupArns) {
        return new EnvironmentConfig(name, protectedEnv, region, ecs, logGroup, bucket, table, topic, repository,
                secret, metricNamespace, alarmPrefix, newTargetGroupArns, slo, autoscaling, scalePresets, health, deploy,
                checklist, escalation);
    }

    public EnvironmentConfig withAlarmPrefix(String newAlarmPrefix) {
        return new EnvironmentConfig(name, protectedEnv, region, ecs, logGroup, bucket, table, topic, repository,
                secret, metricNamespace, newAlarmPrefix, targetGroupArns, slo, autoscaling, scalePresets, health, deploy,
                checklist, escalation);
    }

    public EnvironmentConfig withHealth(HealthSettings newHealth) {
        return new EnvironmentConfig(name, protectedEnv, region, ecs, logGroup, bucket, table, topic, repository,
                secret, metricNamespace, alarmPrefix, targetGroupArns, slo, autoscaling, scalePresets, newHealth, deploy,
                checklist, escalation);
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

    /** Who to call: contacts are configuration, never code. Keys P0, P1, security, data-loss. */
    public record Escalation(Map<String, List<String>> contacts) {
    }
}
