package io.tdev.ops.api.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.weekly.WeeklyReport;

/** The runbook's Monday report: the last week against the SLOs, with the week before for comparison. Read-only. */
public interface WeeklyReportUseCase {
    WeeklyReportResult run(WeeklyReportRequest request);

    static WeeklyReportUseCase over(OpsContext context) {
        return new WeeklyReport(context);
    }
}
