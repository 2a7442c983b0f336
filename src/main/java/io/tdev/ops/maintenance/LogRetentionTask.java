package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.model.LogGroup;
import io.tdev.ops.support.Retry;

import java.util.ArrayList;
import java.util.List;

/**
 * log-retention: every log group whose name contains {@code schedule.maintenance.logGroupsContaining} (the runbook's
 * "every t-developer group") gets {@code retentionDays}; groups already at it are left alone.
 */
final class LogRetentionTask implements MaintenanceTask {
    private final OpsContext context;

    LogRetentionTask(OpsContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "log-retention";
    }

    @Override
    public TaskResult run(MaintenanceRequest request) {
        String prefix = context.config().schedule().maintenance().logGroupsContaining();
        int days = request.retentionDays();
        // DescribeLogGroups filters by name prefix only; the groups are /ecs/..., /aws/lambda/... so match inside
        List<LogGroup> groups = Retry.reads(context.sleeper()).call(() -> context.ports().logs().logGroups(null)).stream()
                .filter(g -> g.name().contains(prefix)).toList();
        Plan plan = new Plan(name(), context.clock());
        List<String> findings = new ArrayList<>();
        int already = 0;
        for (LogGroup g : groups) {
            if (g.retentionDays() != null && g.retentionDays() == days) {
                already++;
                continue;
            }
            String before = g.retentionDays() == null ? "never expire" : g.retentionDays() + " days";
            findings.add(g.name() + ": " + before + " -> " + days + " days");
            plan.add("set log retention", g.name(), before, days + " days",
                    () -> context.ports().logs().putRetention(g.name(), days));
        }
        String summary = groups.size() + " log group(s) containing '" + prefix + "': " + already + " already at "
                + days + " days, " + plan.size() + " to set";
        return plan.carryOut(request.dryRun(), summary, findings);
    }
}
