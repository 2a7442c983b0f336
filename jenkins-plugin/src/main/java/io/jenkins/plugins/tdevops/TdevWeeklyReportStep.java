package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevWeeklyReport}: the weekly SLO report. Returns the CLI's {@code weekly-report} JSON as a map: ok, from,
 * to, slos [name, objective, actual, met, status, evidence], pipeline, generations, availability, resources,
 * distinctUsers, projectsCreated, previousWeek, markdown. A missed SLO is a result (ok false), not a failure.
 */
public class TdevWeeklyReportStep extends TdevStep {
    private String weekEnding;

    @DataBoundConstructor
    public TdevWeeklyReportStep() {
    }

    public String getWeekEnding() {
        return weekEnding;
    }

    /** The week's last day, YYYY-MM-DD; empty for the week that ended last Sunday. */
    @DataBoundSetter
    public void setWeekEnding(String weekEnding) {
        this.weekEnding = weekEnding == null || weekEnding.isBlank() ? null : weekEnding.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        // validated here, before the engine is opened
        WeeklyReportRequest request = WeeklyReportRequest.weekEnding(weekEnding);
        return new OutcomeExecution(context, connection(), c -> WeeklyReportUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevWeeklyReport";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: weekly SLO report (availability, pipeline p95, error rate, CPU, memory)";
        }
    }
}
