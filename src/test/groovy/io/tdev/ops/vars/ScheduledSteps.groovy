package io.tdev.ops.vars

import io.tdev.ops.api.maintenance.MaintenanceRequest
import io.tdev.ops.api.weekly.WeeklyReportRequest
import io.tdev.ops.api.weekly.WeeklyReportResult
import io.tdev.ops.maintenance.MonthlyMaintenance
import io.tdev.ops.weekly.WeeklyReport

/**
 * The scheduled jobs' steps as the plugin binds them (Groovy 2.4 cannot call a Java interface's static method, so the
 * use cases are built directly): TdevWeeklyReportStep, which also writes its {@code htmlFile} into the workspace, and
 * TdevMaintenanceStep.
 */
class ScheduledSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps env) {
        harness.bindOutcome('tdevWeeklyReport') { Map a ->
            WeeklyReportResult result = new WeeklyReport(env.context).run(
                    WeeklyReportRequest.weekEnding(a.weekEnding as String, a.notifyTeam as boolean))
            if (a.htmlFile) {
                harness.file((String) a.htmlFile).setText(result.html(), 'UTF-8')
            }
            result
        }
        harness.bindOutcome('tdevMaintenance') { Map a ->
            new MonthlyMaintenance(env.context).run(new MaintenanceRequest(a.tasks as List, a.dryRun as boolean, null,
                    null, null, a.applyLifecycle as boolean))
        }
    }
}
