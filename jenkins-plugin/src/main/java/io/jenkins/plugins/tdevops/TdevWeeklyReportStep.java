package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.FilePath;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.model.InvalidInputException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevWeeklyReport}: the weekly SLO report. Returns the CLI's {@code weekly-report} JSON as a map: ok, from,
 * to, slos [name, objective, actual, met, status, evidence], pipeline, generations, availability, resources,
 * distinctUsers, projectsCreated, previousWeek, incidents, actions, markdown. A missed SLO is a result (ok false),
 * not a failure. {@code notifyTeam} publishes the summary to the environment's SNS topic; {@code htmlFile} writes the
 * self-contained HTML page (SLO table, inline SVG charts) into the workspace.
 */
public class TdevWeeklyReportStep extends TdevStep {
    private String weekEnding;
    private boolean notifyTeam;
    private String htmlFile;

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

    public boolean isNotifyTeam() {
        return notifyTeam;
    }

    /** Also publish the summary and the report to the environment's SNS topic (the team's). */
    @DataBoundSetter
    public void setNotifyTeam(boolean notifyTeam) {
        this.notifyTeam = notifyTeam;
    }

    public String getHtmlFile() {
        return htmlFile;
    }

    /** A workspace-relative file for the HTML page, e.g. weekly-slo-report.html; empty for none. */
    @DataBoundSetter
    public void setHtmlFile(String htmlFile) {
        this.htmlFile = htmlFile == null || htmlFile.isBlank() ? null : htmlFile.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        // validated here, before the engine is opened
        WeeklyReportRequest request = WeeklyReportRequest.weekEnding(weekEnding, notifyTeam);
        String page = checkedHtmlFile(htmlFile);
        return new OutcomeExecution(context, connection(), c -> {
            // the workspace is looked for before the report runs: the team must not be told of a page never written
            FilePath workspace = page == null ? null : context.get(FilePath.class);
            if (page != null && workspace == null) {
                throw new InvalidInputException("htmlFile", "got '" + page + "' outside a workspace; allowed inside"
                        + " node { }, or empty for no page");
            }
            WeeklyReportResult result = WeeklyReportUseCase.over(c).run(request);
            if (workspace != null) {
                workspace.child(page).write(result.html(), "UTF-8");
            }
            return result;
        });
    }

    /** Inside the workspace: relative, no {@code ..}, an .html file. */
    static String checkedHtmlFile(String file) {
        if (file != null && (file.startsWith("/") || file.startsWith("\\") || file.contains("..")
                || file.matches("^[A-Za-z]:.*") || !file.endsWith(".html"))) {
            throw new InvalidInputException("htmlFile", "got '" + file + "'; allowed a relative path inside the"
                    + " workspace ending in .html (no '..'), or empty for no page");
        }
        return file;
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
