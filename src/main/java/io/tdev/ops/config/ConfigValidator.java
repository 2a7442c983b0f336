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
    static final List<String> ESCALATION_KEYS = List.of("P0", "P1", "security", "data-loss");
    static final List<String> SCAN_SEVERITIES = Arrays.stream(Severity.values())
            .filter(s -> s != Severity.UNDEFINED).map(Enum::name).toList();

    private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
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
        checkDeploy(c.deploy());
        checkChecklist(c.checklist());
        for (Map.Entry<String, List<String>> contact : c.escalation().contacts().entrySet()) {
            if (!ESCALATION_KEYS.contains(contact.getKey())) {
                fail("escalation.contacts." + contact.getKey(), "unknown level; allowed: "
                        + String.join(", ", ESCALATION_KEYS));
            }
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
