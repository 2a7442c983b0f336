package io.tdev.ops.weekly;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.weekly.WeeklyReportRequest;
import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportResult.Incident;
import io.tdev.ops.api.weekly.WeeklyReportResult.Slo;
import io.tdev.ops.api.weekly.WeeklyReportResult.Week;
import io.tdev.ops.api.weekly.WeeklyReportUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.support.Retry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly SLO report: reads the week and the week before ({@link WeekReader}), judges the five SLOs
 * ({@link SloJudge}), reads the week's incidents ({@link IncidentReader}) and renders the Markdown
 * ({@link WeeklyMarkdown}). Reads only; with {@code notifyTeam} it also publishes the summary to the environment's topic.
 */
public final class WeeklyReport implements WeeklyReportUseCase {
    /** CloudWatch keeps hourly data 455 days; a daily report further back would be all "no data". */
    static final int MAX_DAYS_BACK = 455;
    /** SNS refuses subjects over 100 characters. */
    private static final int MAX_SUBJECT = 100;

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
        List<Incident> incidents = new IncidentReader(context.config(), context.ports(), retry)
                .read(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        String markdown = WeeklyMarkdown.render(week, previous, slos, zone, incidents);
        List<Action> actions = new ArrayList<>();
        if (request.notifyTeam()) {
            markdown = markdown + notifyTeam(from, to, slos, markdown, actions);
        }
        return new WeeklyReportResult(ok, from, to, zone.getId(), slos, week.pipeline(), week.generations(),
                week.availability(), week.resources(), week.distinctUsers(), week.projectsCreated(), previous,
                incidents, actions, markdown);
    }

    /** One line for a subject or a build description: which SLOs were missed, or that every one was met. */
    public static String summary(List<Slo> slos) {
        List<String> missed = slos.stream().filter(s -> !s.met()).map(s -> s.name() + " " + s.status()).toList();
        return missed.isEmpty() ? "every SLO met" : "SLOs not met: " + String.join(", ", missed);
    }

    /**
     * Publishes the summary and the Markdown to the environment's topic. A topic that fails does not hide the
     * report: the failure is said in the report (and the progress), and no notify action is recorded.
     */
    private String notifyTeam(LocalDate from, LocalDate to, List<Slo> slos, String markdown, List<Action> actions) {
        String topic = context.config().topic();
        // the missed SLOs' names lead, short: SNS cuts subjects at 100 characters and mail clients cut sooner
        List<String> missed = slos.stream().filter(s -> !s.met()).map(Slo::name).toList();
        String subject = "[" + context.config().name() + "] weekly SLO report " + from + ".." + to + ": "
                + (missed.isEmpty() ? "every SLO met" : "missed " + String.join(", ", missed));
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 3) + "...";
        }
        try {
            String id = context.ports().notifier().publish(topic, subject, markdown);
            actions.add(new Action("notify", topic, null, "message " + id, context.clock().instant(), false));
            return "\nSent to " + topic + " (message " + id + ").\n";
        } catch (TdevException e) {
            context.progress().report("could not notify " + topic + ": " + e.getMessage());
            return "\n**Not sent** to " + topic + ": " + e.getMessage() + "\n";
        }
    }
}
