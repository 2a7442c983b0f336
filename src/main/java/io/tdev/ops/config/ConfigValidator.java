package io.tdev.ops.config;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The allowed values and ranges of an environment config. Every violation is reported at once (the first one's
 * path is the exception's field) so that a config file is fixed in one round.
 */
final class ConfigValidator {
    /** The runbook's pre-deploy checklist items, in its order. */
    static final List<String> CHECKLIST_ITEMS = List.of("tests-passed", "image-scan", "backup", "rollback-plan",
            "monitoring", "team-notified");
    /** The kinds of incident an escalation policy is for: the playbook levels, a security incident, data loss. */
    static final List<String> ESCALATION_KEYS = List.of("P0", "P1", "P2", "security", "data-loss");
    private static final Pattern CHANNEL = Pattern.compile("topic|sns:\\S+|webhook:https?://\\S+");
    static final List<String> SCAN_SEVERITIES = Arrays.stream(Severity.values())
            .filter(s -> s != Severity.UNDEFINED).map(Enum::name).toList();

    private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern BREAK_GLASS_ROLE = Pattern.compile(
            "(arn:aws[a-z-]*:iam::\\d{12}:role/)?[\\w+=,.@/-]{1,512}");
    private static final Pattern SECRET_NAME = Pattern.compile("[\\w/+=.@-]{1,512}");
    private static final Pattern BACKUP_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern HOSTED_ZONE = Pattern.compile("(/hostedzone/)?Z[A-Z0-9]{1,32}");
    static final List<String> DR_RECORD_TYPES = List.of("CNAME", "A", "AAAA");
    private static final Pattern SCALE_COUNT = Pattern.compile("[+-]?\\d{1,4}");

    private final List<String[]> violations = new ArrayList<>();

    private ConfigValidator() {
    }

    static void validate(EnvironmentConfig c, String source) {
        ConfigValidator v = new ConfigValidator();
        v.check(c);
        if (!v.violations.isEmpty()) {
            StringBuilder problem = new StringBuilder(v.violations.get(0)[1]);
            for (String[] other : v.violations.subList(1, v.violations.size())) {
                problem.append(System.lineSeparator()).append("  ").append(other[0]).append(": ").append(other[1]);
            }
            throw new InvalidInputException(v.violations.get(0)[0], problem + System.lineSeparator() + "  (in "
                    + source + ")");
        }
    }

    private void check(EnvironmentConfig c) {
        if (!ENV_NAME.matcher(c.name()).matches()) {
            fail("name", "got '" + c.name() + "'; allowed: lower-case letters, digits and '-' (e.g. staging)");
        }
        if (c.region() != null && !REGION.matcher(c.region()).matches()) {
            fail("region", "got '" + c.region() + "'; allowed: an AWS region such as eu-west-1, or null for the"
                    + " SDK's default chain");
        }
        notBlank("ecs.cluster", c.ecs().cluster());
        notBlank("ecs.service", c.ecs().service());
        if (c.ecs().container() != null) {
            notBlank("ecs.container", c.ecs().container());
        }
        notBlank("logGroup", c.logGroup());
        notBlank("bucket", c.bucket());
        notBlank("table.name", c.table().name());
        notBlank("table.createdAtAttribute", c.table().createdAtAttribute());
        notBlank("table.userIdAttribute", c.table().userIdAttribute());
        notBlank("topic", c.topic());
        notBlank("repository", c.repository());
        notBlank("secret", c.secret());
        notBlank("metricNamespace", c.metricNamespace());
        notBlank("alarmPrefix", c.alarmPrefix());
        for (int i = 0; i < c.targetGroupArns().size(); i++) {
            String arn = c.targetGroupArns().get(i);
            if (arn == null || !arn.startsWith("arn:") || !arn.contains(":targetgroup/")) {
                fail("targetGroupArns[" + i + "]", "got '" + arn + "'; allowed: a target group ARN"
                        + " (arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID)");
            }
        }
        checkSlo(c.slo());
        checkAutoscaling(c.autoscaling());
        c.scalePresets().forEach((name, count) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                fail("scalePresets." + name, "preset names are lower-case letters, digits and '-'");
            }
            if (count == null || !SCALE_COUNT.matcher(count).matches()) {
                fail("scalePresets." + name, "got '" + count + "'; allowed: N (absolute), +N or -N (delta)");
            }
        });
        checkHealth(c.health());
        checkFleet(c.fleet());
        checkDeploy(c.deploy());
        checkChecklist(c.checklist());
        checkSchedule(c.schedule());
        checkSecurity(c.security());
        checkDr(c.dr());
        checkTraffic(c.traffic());
        checkEscalation(c.escalation());
        checkIncident(c.incident());
    }

    private void checkEscalation(EnvironmentConfig.Escalation e) {
        for (Map.Entry<String, EnvironmentConfig.EscalationPolicy> policy : e.policies().entrySet()) {
            String path = "escalation.policies." + policy.getKey();
            if (!ESCALATION_KEYS.contains(policy.getKey())) {
                fail(path, "unknown kind of incident; allowed: " + String.join(", ", ESCALATION_KEYS));
                continue;
            }
            EnvironmentConfig.EscalationPolicy p = policy.getValue();
            if (p == null) {
                fail(path, "must not be empty; give to, channel and afterMinutes, or leave the kind out");
                continue;
            }
            if (p.to() == null || p.to().isEmpty() || p.to().stream().anyMatch(t -> t == null || t.isBlank())) {
                fail(path + ".to", "needs at least one contact, none blank");
            }
            if (p.channel() == null || !CHANNEL.matcher(p.channel()).matches()) {
                // the webhook URL is not echoed: it is often a secret
                fail(path + ".channel", "got " + (p.channel() != null && p.channel().startsWith("webhook:") ? "a webhook without an http(s) URL"
                        : "'" + p.channel() + "'") + "; allowed: topic, sns:NAME-or-ARN, webhook:https://...");
            }
            range(path + ".afterMinutes", p.afterMinutes(), 0, 24 * 60);
        }
    }

    private void checkIncident(EnvironmentConfig.IncidentSettings i) {
        EnvironmentConfig.AdminEndpoint admin = i.admin();
        if (admin.baseUrl() != null && !admin.baseUrl().matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            fail("incident.admin.baseUrl", "got '" + admin.baseUrl() + "'; allowed: an http(s) URL without query"
                    + " (e.g. https://api.t-developer.example.com), or null");
        }
        notBlank("incident.admin.tokenKey", admin.tokenKey());
        range("incident.admin.timeoutSeconds", admin.timeoutSeconds(), 1, 300);
        range("incident.admin.attempts", admin.attempts(), 1, 10);
        if (i.agents().isEmpty()) {
            fail("incident.agents", "must name at least one agent");
        }
        for (int n = 0; n < i.agents().size(); n++) {
            String agent = i.agents().get(n);
            if (agent == null || !ENV_NAME.matcher(agent).matches()) {
                fail("incident.agents[" + n + "]", "got '" + agent + "'; allowed: lower-case letters, digits and '-'"
                        + " (the name without -agent, e.g. generation)");
            }
        }
        for (int n = 0; n < i.approvers().size(); n++) {
            notBlank("incident.approvers[" + n + "]", i.approvers().get(n));
        }
        range("incident.deployLookbackHours", i.deployLookbackHours(), 1, 7 * 24);
        range("incident.deploySuspectMinutes", i.deploySuspectMinutes(), 1, 24 * 60);
        if (!(i.trafficFactor() > 1 && i.trafficFactor() <= 100)) {
            fail("incident.trafficFactor", "got " + num(i.trafficFactor()) + "; allowed more than 1, at most 100");
        }
        range("incident.trafficDays", i.trafficDays(), 1, 28);
        EnvironmentConfig.CacheMetric cache = i.cache();
        if (cache.configured()) {
            notBlank("incident.cache.metric", cache.metric());
            if (!(cache.minHitRatePercent() > 0 && cache.minHitRatePercent() <= 100)) {
                fail("incident.cache.minHitRatePercent", "got " + num(cache.minHitRatePercent()) + "; allowed more than 0, at most 100");
            }
        } else if (cache.metric() != null || !cache.dimensions().isEmpty()) {
            fail("incident.cache.namespace", "missing while incident.cache.metric or dimensions are set; allowed: a CloudWatch"
                    + " namespace (e.g. AWS/ElastiCache), or null with metric null (not configured)");
        }
        EnvironmentConfig.AgentRestart restart = i.restartAgent();
        if (!EnvironmentConfig.AgentRestart.VIAS.contains(restart.via())) {
            fail("incident.restartAgent.via", "got '" + restart.via() + "'; allowed: " + String.join(", ", EnvironmentConfig.AgentRestart.VIAS));
        }
        if (restart.viaEcsTasks() && (restart.service() == null || !restart.service().contains("{agent}"))) {
            fail("incident.restartAgent.service", "got '" + restart.service() + "'; with via ecs-tasks: the agent's ECS service"
                    + " name with {agent} in it (e.g. t-developer-{agent}-agent-production)");
        }
        range("incident.restartAgent.replacementTimeoutSeconds", restart.replacementTimeoutSeconds(), 30, 3600);
    }

    private void checkFleet(EnvironmentConfig.FleetSettings f) {
        if (f == null || f.rateLimits() == null) {
            fail("fleet.rateLimits", "must be given (ecsPerSecond, elbPerSecond, cloudWatchPerSecond, logsPerSecond)");
            return;
        }
        rate("fleet.rateLimits.ecsPerSecond", f.rateLimits().ecsPerSecond());
        rate("fleet.rateLimits.elbPerSecond", f.rateLimits().elbPerSecond());
        rate("fleet.rateLimits.cloudWatchPerSecond", f.rateLimits().cloudWatchPerSecond());
        rate("fleet.rateLimits.logsPerSecond", f.rateLimits().logsPerSecond());
        notBlank("fleet.logGroupPrefix", f.logGroupPrefix());
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < f.clusters().size(); i++) {
            EnvironmentConfig.FleetCluster c = f.clusters().get(i);
            String at = "fleet.clusters[" + i + "]";
            notBlank(at + ".name", c.name());
            if (c.name() != null && !names.add(c.name())) {
                fail(at + ".name", "got '" + c.name() + "' twice; list each cluster once with all its services");
            }
            if (c.services().isEmpty()) {
                fail(at + ".services", "must name at least one ECS service");
            }
            c.services().forEach(s -> notBlank(at + ".services", s));
            notBlank(at + ".logGroupPrefix", c.logGroupPrefix());
            percent(at + ".cpuPercent", c.cpuPercent());
            percent(at + ".memoryPercent", c.memoryPercent());
            range(at + ".errorEventsDegraded", c.errorEventsDegraded(), 1, 1_000_000);
            range(at + ".errorEventsUnhealthy", c.errorEventsUnhealthy(), 1, 1_000_000);
            if (c.errorEventsDegraded() > c.errorEventsUnhealthy()) {
                fail(at + ".errorEventsDegraded", "got " + c.errorEventsDegraded() + "; must be <= errorEventsUnhealthy ("
                        + c.errorEventsUnhealthy() + ")");
            }
        }
    }

    /** A client-side budget: more than 0 and no more than 1,000 calls a second. */
    private void rate(String field, double value) {
        if (!(value > 0 && value <= 1000)) {
            fail(field, "got " + num(value) + "; allowed more than 0 up to 1000 (calls a second)");
        }
    }

    private void checkSlo(EnvironmentConfig.Slo slo) {
        percent("slo.availabilityPercent", slo.availabilityPercent());
        percent("slo.errorRatePercent", slo.errorRatePercent());
        percent("slo.highErrorRatePercent", slo.highErrorRatePercent());
        percent("slo.cpuPercent", slo.cpuPercent());
        percent("slo.memoryPercent", slo.memoryPercent());
        if (slo.errorRatePercent() > slo.highErrorRatePercent()) {
            fail("slo.errorRatePercent", "got " + num(slo.errorRatePercent()) + "; must be <= slo.highErrorRatePercent ("
                    + num(slo.highErrorRatePercent()) + ")");
        }
        positive("slo.pipelineP95Seconds", slo.pipelineP95Seconds());
        positive("slo.agentSeconds", slo.agentSeconds());
        positive("slo.slowResponseSeconds", slo.slowResponseSeconds());
        range("slo.concurrentUsers", slo.concurrentUsers(), 1, 1_000_000);
    }

    private void checkAutoscaling(EnvironmentConfig.AutoScalingLimits a) {
        range("autoscaling.minTasks", a.minTasks(), 0, 5000);
        range("autoscaling.maxTasks", a.maxTasks(), 1, 5000);
        if (a.minTasks() > a.maxTasks()) {
            fail("autoscaling.minTasks", "got " + a.minTasks() + "; must be <= autoscaling.maxTasks ("
                    + a.maxTasks() + ")");
        }
        if (!(a.targetCpuPercent() > 0 && a.targetCpuPercent() <= 100)) {
            fail("autoscaling.targetCpuPercent", "got " + num(a.targetCpuPercent()) + "; allowed 1..100");
        }
    }

    private void checkHealth(EnvironmentConfig.HealthSettings h) {
        range("health.errorWindowMinutes", h.errorWindowMinutes(), 1, 7 * 24 * 60);
        range("health.errorEventsDegraded", h.errorEventsDegraded(), 1, 1_000_000);
        range("health.errorEventsUnhealthy", h.errorEventsUnhealthy(), 1, 1_000_000);
        if (h.errorEventsDegraded() > h.errorEventsUnhealthy()) {
            fail("health.errorEventsDegraded", "got " + h.errorEventsDegraded()
                    + "; must be <= health.errorEventsUnhealthy (" + h.errorEventsUnhealthy() + ")");
        }
        range("health.topPatterns", h.topPatterns(), 1, 100);
        range("health.signalTimeoutSeconds", h.signalTimeoutSeconds(), 1, 600);
        range("health.parallelism", h.parallelism(), 1, 32);
    }

    private void checkDeploy(EnvironmentConfig.DeploySettings d) {
        range("deploy.stableTimeoutMinutes", d.stableTimeoutMinutes(), 1, 24 * 60);
        range("deploy.pollSeconds", d.pollSeconds(), 1, 3600);
        // A bake shorter than one poll interval would end before its first health check and "pass" on none.
        if (d.bakeMinutes() < 1 || d.bakeMinutes() > 24 * 60 || d.bakeMinutes() * 60 < d.pollSeconds()) {
            fail("deploy.bakeMinutes", "got " + d.bakeMinutes() + "; allowed 1..1440 and at least one poll interval"
                    + " (deploy.pollSeconds " + d.pollSeconds() + "): a shorter bake ends before its first health check");
        }
        if (d.pollSeconds() > d.stableTimeoutMinutes() * 60) {
            fail("deploy.pollSeconds", "got " + d.pollSeconds() + "; must be <= deploy.stableTimeoutMinutes in seconds ("
                    + d.stableTimeoutMinutes() * 60 + ")");
        }
        notBlank("deploy.knownGoodTag", d.knownGoodTag());
    }

    private void checkTraffic(EnvironmentConfig.TrafficSettings t) {
        notBlank("traffic.dbInstance", t.dbInstance());
        notBlank("traffic.stateTag", t.stateTag());
        range("traffic.watchPollSeconds", t.watchPollSeconds(), 5, 3600);
        range("traffic.dbWaitTimeoutMinutes", t.dbWaitTimeoutMinutes(), 1, 24 * 60);
    }

    private void checkChecklist(EnvironmentConfig.ChecklistSettings c) {
        range("checklist.backupMaxAgeHours", c.backupMaxAgeHours(), 1, 24 * 365);
        if (c.scanSeverity() == null || !SCAN_SEVERITIES.contains(c.scanSeverity())) {
            fail("checklist.scanSeverity", "got '" + c.scanSeverity() + "'; allowed " + String.join(", ", SCAN_SEVERITIES));
        }
        for (int i = 0; i < c.waivable().size(); i++) {
            String item = c.waivable().get(i);
            if (!CHECKLIST_ITEMS.contains(item)) {
                fail("checklist.waivable[" + i + "]", "got '" + item + "'; allowed " + String.join(", ", CHECKLIST_ITEMS));
            }
        }
    }

    private void checkSchedule(EnvironmentConfig.Schedule s) {
        if (s.timeZone() != null) {
            try {
                java.time.ZoneId.of(s.timeZone());
            } catch (java.time.DateTimeException e) {
                fail("schedule.timeZone", "got '" + s.timeZone() + "'; allowed: an IANA zone such as Asia/Seoul or"
                        + " Europe/Berlin, UTC, or null for UTC");
            }
        }
        notBlank("schedule.weekly.pipelineTimeMetric", s.weekly().pipelineTimeMetric());
        notBlank("schedule.weekly.successMetric", s.weekly().successMetric());
        notBlank("schedule.weekly.failureMetric", s.weekly().failureMetric());
        EnvironmentConfig.MaintenanceSettings m = s.maintenance();
        // CloudWatch Logs accepts only these retention values (PutRetentionPolicy).
        if (!EnvironmentConfig.MaintenanceSettings.LOG_RETENTION_DAYS.contains(m.retentionDays())) {
            fail("schedule.maintenance.retentionDays", "got " + m.retentionDays() + "; allowed " + EnvironmentConfig.MaintenanceSettings.LOG_RETENTION_DAYS);
        }
        range("schedule.maintenance.staleDays", m.staleDays(), 1, 3650);
        range("schedule.maintenance.keepRevisions", m.keepRevisions(), 1, 1000);
        range("schedule.maintenance.scanImages", m.scanImages(), 1, 100);
        range("schedule.maintenance.scanTimeoutMinutes", m.scanTimeoutMinutes(), 1, 24 * 60);
        range("schedule.maintenance.lifecycleExpireDays", m.lifecycleExpireDays(), 1, 3650);
        notBlank("schedule.maintenance.logGroupsContaining", m.logGroupsContaining());
    }

    private void checkSecurity(EnvironmentConfig.SecuritySettings s) {
        notBlank("security.groupNameContains", s.groupNameContains());
        for (int i = 0; i < s.allowedOpenPorts().size(); i++) {
            Integer port = s.allowedOpenPorts().get(i);
            if (port == null || port < 0 || port > 65535) {
                fail("security.allowedOpenPorts[" + i + "]", "got " + port + "; allowed 0..65535");
            }
        }
        range("security.failedLoginsWarning", s.failedLoginsWarning(), 1, 10_000_000);
        range("security.failedLoginsCritical", s.failedLoginsCritical(), 1, 10_000_000);
        if (s.failedLoginsWarning() > s.failedLoginsCritical()) {
            fail("security.failedLoginsWarning", "got " + s.failedLoginsWarning()
                    + "; must be <= security.failedLoginsCritical (" + s.failedLoginsCritical() + ")");
        }
        range("security.rateLimitedWarning", s.rateLimitedWarning(), 1, 10_000_000);
        range("security.rateLimitedCritical", s.rateLimitedCritical(), 1, 10_000_000);
        if (s.rateLimitedWarning() > s.rateLimitedCritical()) {
            fail("security.rateLimitedWarning", "got " + s.rateLimitedWarning()
                    + "; must be <= security.rateLimitedCritical (" + s.rateLimitedCritical() + ")");
        }
        if (!(s.surgeFactor() >= 1 && s.surgeFactor() <= 1000)) {
            fail("security.surgeFactor", "got " + num(s.surgeFactor()) + "; allowed 1..1000");
        }
        range("security.secretMaxAgeDays", s.secretMaxAgeDays(), 1, 3650);
        range("security.rotationWaitMinutes", s.rotationWaitMinutes(), 1, 120);
        if (s.breakGlassRole() == null || !BREAK_GLASS_ROLE.matcher(s.breakGlassRole()).matches()) {
            fail("security.breakGlassRole", "got '" + s.breakGlassRole() + "'; allowed: an IAM role name"
                    + " (t-developer-break-glass-production) or role ARN (arn:aws:iam::123456789012:role/NAME)");
        }
        if (s.policyBackupSecret() == null || !SECRET_NAME.matcher(s.policyBackupSecret()).matches()) {
            fail("security.policyBackupSecret", "got '" + s.policyBackupSecret() + "'; allowed: a Secrets Manager"
                    + " secret name of letters, digits and /_+=.@- (e.g. t-developer/production/bucket-policy-backup)");
        }
    }

    private void checkDr(EnvironmentConfig.DrSettings d) {
        String pattern = d.backupNamePattern();
        if (pattern == null || !pattern.contains("{time}")) {
            fail("dr.backupNamePattern", "got '" + pattern + "'; must contain {time} (and may contain {env}),"
                    + " e.g. manual-backup-{env}-{time}");
        } else {
            String example = pattern.replace("{env}", "production").replace("{time}", "20261126-090000");
            if (!BACKUP_NAME.matcher(example).matches()) {
                fail("dr.backupNamePattern", "got '" + pattern + "'; a name must be 3..255 of a-z A-Z 0-9 _ - ."
                        + " once {env} and {time} are replaced");
            }
        }
        range("dr.waitTimeoutMinutes", d.waitTimeoutMinutes(), 1, 24 * 60);
        range("dr.pollSeconds", d.pollSeconds(), 1, 3600);
        if (!(d.verifyTolerancePercent() >= 0 && d.verifyTolerancePercent() <= 50)) {
            fail("dr.verifyTolerancePercent", "got " + num(d.verifyTolerancePercent()) + "; allowed 0..50");
        }
        range("dr.replicationSampleSize", d.replicationSampleSize(), 1, 1000);
        range("dr.replicationLagMinutes", d.replicationLagMinutes(), 0, 24 * 60);
        if (d.hostedZoneId() == null || !HOSTED_ZONE.matcher(d.hostedZoneId()).matches()) {
            fail("dr.hostedZoneId", "got '" + d.hostedZoneId() + "'; allowed: a Route 53 hosted zone id such as"
                    + " Z123456789 (optionally /hostedzone/Z...)");
        }
        notBlank("dr.recordName", d.recordName());
        if (!DR_RECORD_TYPES.contains(d.recordType())) {
            fail("dr.recordType", "got '" + d.recordType() + "'; allowed " + String.join(", ", DR_RECORD_TYPES));
        }
        notBlank("dr.primaryTarget", d.primaryTarget());
        notBlank("dr.secondaryTarget", d.secondaryTarget());
        if (d.primaryTarget() != null && d.primaryTarget().equals(d.secondaryTarget())) {
            fail("dr.secondaryTarget", "got '" + d.secondaryTarget() + "'; must differ from dr.primaryTarget");
        }
        if (d.ttl() < 0 || d.ttl() > 172_800) {
            fail("dr.ttl", "got " + d.ttl() + "; allowed 0..172800 seconds");
        }
        notBlank("dr.primaryHealthCheckId", d.primaryHealthCheckId());
    }

    private void percent(String field, double value) {
        if (!(value >= 0 && value <= 100)) {
            fail(field, "got " + num(value) + "; allowed 0..100");
        }
    }

    private void positive(String field, double value) {
        if (!(value > 0)) {
            fail(field, "got " + num(value) + "; must be > 0");
        }
    }

    private void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            fail(field, "got " + value + "; allowed " + min + ".." + max);
        }
    }

    private void notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "must not be empty");
        }
    }

    private void fail(String field, String problem) {
        violations.add(new String[] {field, problem});
    }

    private static String num(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
