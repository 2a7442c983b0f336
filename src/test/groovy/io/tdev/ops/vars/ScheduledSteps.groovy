package io.tdev.ops.vars

import io.tdev.ops.api.maintenance.MaintenanceRequest
import io.tdev.ops.api.maintenance.MaintenanceUseCase
import io.tdev.ops.api.weekly.WeeklyReportRequest
import io.tdev.ops.api.weekly.WeeklyReportResult
import io.tdev.ops.api.weekly.WeeklyReportUseCase

/**
 * The scheduled jobs' steps as the plugin binds them: TdevWeeklyReportStep, which also writes its {@code htmlFile}
 * into the workspace, and TdevMaintenanceStep.
 */
class ScheduledSteps {
    static void bind(PipelineHarness harness, SimulatedTdevOps world) {
        harness.bindStep('tdevWeeklyReport', ['weekEnding', 'notifyTeam', 'htmlFile']) { StepCall c ->
            WeeklyReportResult result = world.over(WeeklyReportUseCase).run(
                    WeeklyReportRequest.weekEnding(c.text('weekEnding'), c.flag('notifyTeam')))
            String page = c.text('htmlFile')
            if (page) {
                harness.file(page).setText(result.html(), 'UTF-8')
            }
            result
        }
        harness.bindStep('tdevMaintenance', ['tasks', 'retentionDays', 'staleDays', 'keepRevisions', 'applyLifecycle',
                                             'dryRun']) { StepCall c ->
            world.over(MaintenanceUseCase).run(new MaintenanceRequest(c.texts('tasks'), c.flag('dryRun'),
                    c.whole('retentionDays'), c.whole('staleDays'), c.whole('keepRevisions'), c.flag('applyLifecycle')))
        }
    }
}
