package io.tdev.ops.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportResult.Incidents;
import io.tdev.ops.api.weekly.WeeklyReportResult.Slo;
import io.tdev.ops.api.weekly.WeeklyReportResult.Week;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.support.Retry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The weekly SLO report: reads the week and the week before ({@link WeekReader}), judges the five SLOs
 * ({@link SloJudge}) and renders the Markdown ({@link WeeklyMarkdown}). Reads only.
 */
public final class WeeklyReport implements WeeklyReportUseCase {
    /** CloudWatch keeps hourly data 455 days; a daily report further back would be all "no data". */
    static final int MAX_DAYS_BACK = 455;

    private final OpsContext context;

    public WeeklyReport(OpsContext context) {
        this.context = context;
    }

    @Override
    public WeeklyReportResult run(WeeklyReportRequest request) {
        ZoneId zone = context.config().schedule().zone();
        LocalDate today = context.clock().instant().atZone(zone).toLocalDate();
        LocalDate to = request.weekEnding() != null ? request.weekEnding()
                : today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        if (!to.isBefore(today)) {
            throw new InvalidInputException("weekEnding", "got '" + to + "'; the week must be over: allowed a day"
                    + " before today (" + today + " in " + zone + ")");
        }
        if (to.isBefore(today.minusDays(MAX_DAYS_BACK - 14))) {
            throw new InvalidInputException("weekEnding", "got '" + to + "'; allowed " + today.minusDays(MAX_DAYS_BACK - 14)
                    + " or later (CloudWatch keeps hourly data " + MAX_DAYS_BACK + " days)");
        }
        LocalDate from = to.minusDays(6);
        context.progress().report("weekly report: " + from + " .. " + to + " (" + zone + ")");
        Retry retry = Retry.reads(context.sleeper());
        LoadBalancerDimensions alb = LoadBalancerDimensions.find(context.config(), context.ports(), retry);
        WeekReader reader = new WeekReader(context.config(), context.ports(), retry, zone, alb);
        Week week = reader.read(from);
        Week previous = reader.read(from.minusDays(7));
        List<Slo> slos = new SloJudge(context.config().slo()).judge(week, previous);
        boolean ok = slos.stream().allMatch(Slo::met);
        Incidents incidents = new Incidents(false, List.of(), "not recorded: SNS keeps no message history and"
                + " tdev-ops has no audit store; see the topic's subscribers (e.g. the ops mailbox) for rollbacks and"
                + " UNHEALTHY checks of the week");
        String markdown = WeeklyMarkdown.render(week, previous, slos, zone, incidents);
        return new WeeklyReportResult(ok, from, to, zone.getId(), slos, week.pipeline(), week.generations(),
                week.availability(), week.resources(), week.distinctUsers(), week.projectsCreated(), previous,
                incidents, markdown);
    }
}
