package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "weekly-report", mixinStandardHelpOptions = true,
        header = "The weekly SLO report: last week against the SLOs, with the week before.",
        description = {"Availability (ALB requests and 5xx, or target health), pipeline execution time (daily average"
                + " and p95), generations and the error rate, CPU and memory, distinct users and projects created,"
                + " for a week (Monday..Sunday by default) and the week before, in the environment's time zone"
                + " (schedule.timeZone). An SLO without data is 'no data' and not met."},
        footer = {"",
                "Exit: 0 every SLO met; 1 an SLO missed or without data; 2 invalid input; 3 remote failure.",
                "JSON: {ok, from, to, timeZone, slos[{name, objective, unit, comparison, actual, previous, delta, met,"
                        + " status, evidence}], pipeline{averageSeconds, p95Seconds, daily[]}, generations{success,"
                        + " failure, errorRatePercent, daily[]}, availability{percent, source, daily[]}, resources{},"
                        + " distinctUsers, projectsCreated, previousWeek{...}, incidents[{at, until, kind, what,"
                        + " source}], actions[], markdown}",
                "Incidents: the environment's alarms that went to ALARM (CloudWatch alarm history) and the"
                        + " deployments ECS rolled back (ListServiceDeployments) in the week.",
                "",
                "Examples:",
                "  tdev-ops weekly-report --simulate",
                "  tdev-ops weekly-report --simulate --scenario slo-missed --output markdown",
                "  tdev-ops weekly-report --simulate --notify-team",
                "  tdev-ops weekly-report --simulate --week-ending 2026-11-15 --html target/weekly.html --output json"})
public final class WeeklyReportCommand extends OutcomeCommand<WeeklyReportResult> {
    @Option(names = "--week-ending", paramLabel = "YYYY-MM-DD",
            description = "The week's last day (default: last Sunday, in the environment's time zone).")
    String weekEnding;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write one self-contained HTML page with the SLO table and charts (inline SVG).")
    Path html;

    @Option(names = "--notify-team",
            description = "Also publish the summary and the report to the environment's SNS topic (the team's).")
    boolean notifyTeam;

    @Override
    protected WeeklyReportResult run(OpsContext context) {
        if (html != null && html.getParent() != null && !Files.isDirectory(html.getParent())) {
            throw new InvalidInputException("html", "got '" + html + "'; its directory does not exist");
        }
        return WeeklyReportUseCase.over(context).run(WeeklyReportRequest.weekEnding(weekEnding, notifyTeam));
    }

    @Override
    protected void afterResult(WeeklyReportResult result) {
        if (html != null) {
            try {
                Files.writeString(html, result.html(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + html, e);
            }
        }
    }

    @Override
    protected String warning(WeeklyReportResult result) {
        return result.ok() ? null : result.summary();
    }
}
