package io.tdev.ops.api.weekly;

import io.tdev.ops.weekly.WeeklyHtml;
import io.tdev.ops.weekly.WeeklyReport;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly SLO report. Its components are the JSON contract ({@code weekly-report --output json}, the
 * {@code tdevWeeklyReport} step's return value). A number that could not be read is null ("no data"), never 0.
 *
 * @param ok              every SLO was met (an SLO with no data is not met)
 * @param from            the week's first day (Monday for a week ending on Sunday)
 * @param to              the week's last day, inclusive
 * @param timeZone        the zone whose days these are
 * @param slos            availability, pipeline-p95, error-rate, cpu, memory: objective, actual, met, evidence
 * @param pipeline        pipeline execution time: the week's average and p95, and per day
 * @param generations     successful and failed generations and the error rate, with daily counts
 * @param availability    the week's availability, where it came from, and per day
 * @param resources       ECS CPU and memory: averages and maxima
 * @param distinctUsers   distinct users who created projects in the week
 * @param projectsCreated projects created in the week
 * @param previousWeek    the same numbers for the week before
 * @param incidents       the week's incidents, oldest first: the environment's alarms going to ALARM (what makes
 *                        a health check UNHEALTHY) and the deployments ECS rolled back
 * @param actions         what the report changed: only the summary published to the topic (with {@code notifyTeam})
 * @param markdown        the report for people
 */
public record WeeklyReportResult(boolean ok, LocalDate from, LocalDate to, String timeZone, List<Slo> slos,
                                 Pipeline pipeline, Generations generations, Availability availability,
                                 Resources resources, Long distinctUsers, Long projectsCreated, Week previousWeek,
                                 List<Incident> incidents, List<Action> actions, String markdown)
        implements Outcome {

    public WeeklyReportResult {
        slos = List.copyOf(slos);
        incidents = List.copyOf(incidents);
        actions = List.copyOf(actions);
    }

    /** The SLO of this name. */
    public Slo slo(String name) {
        return slos.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SLO " + name));
    }

    /** The self-contained HTML page (SLO table, inline SVG charts) the CLI's --html and the step's htmlFile write. */
    public String html() {
        return WeeklyHtml.render(this);
    }

    /** One line for a person: "every SLO met", or the SLOs not met with their status. */
    public String summary() {
        return WeeklyReport.summary(slos);
    }

    /** MET, MISSED, or NO_DATA (not met: nobody can say it was). */
    public enum SloStatus { MET, MISSED, NO_DATA }

    /**
     * @param objective the threshold, in {@code unit}
     * @param actual    this week's value, null without data
     * @param previous  the week before's value, null without data
     * @param delta     actual − previous, null when either is missing
     */
    public record Slo(String name, double objective, String unit, String comparison, Double actual, Double previous,
                      Double delta, boolean met, SloStatus status, String evidence) {
    }

    public record Pipeline(Double averageSeconds, Double p95Seconds, List<PipelineDay> daily) {
        public Pipeline {
            daily = List.copyOf(daily);
        }
    }

    public record PipelineDay(LocalDate date, Double averageSeconds, Double p95Seconds) {
    }

    public record Generations(Long success, Long failure, Double errorRatePercent, List<GenerationDay> daily) {
        public Generations {
            daily = List.copyOf(daily);
        }
    }

    public record GenerationDay(LocalDate date, Long success, Long failure) {
    }

    /** @param source which metrics the numbers come from (ALB requests and 5xx, or target health) */
    public record Availability(Double percent, String source, List<AvailabilityDay> daily) {
        public Availability {
            daily = List.copyOf(daily);
        }
    }

    public record AvailabilityDay(LocalDate date, Double percent) {
    }

    public record Resources(Double cpuAveragePercent, Double cpuMaxPercent, Double memoryAveragePercent,
                            Double memoryMaxPercent) {
    }

    /** One week's numbers (the report's {@code previousWeek}). */
    public record Week(LocalDate from, LocalDate to, Pipeline pipeline, Generations generations,
                       Availability availability, Resources resources, Long distinctUsers, Long projectsCreated) {
    }

    /** What an incident was: an alarm in ALARM, or a deployment ECS rolled back. */
    public enum IncidentKind { ALARM, ROLLBACK }

    /**
     * One incident of the week.
     *
     * @param at     when it began (the alarm's change to ALARM; the rolled-back deployment's start)
     * @param until  when it ended (the alarm back to OK; the rollback finished); null when not within the week
     * @param what   for people: the alarm or deployment, and AWS's reason
     * @param source where AWS keeps the record (cloudwatch:DescribeAlarmHistory, ecs:ListServiceDeployments)
     */
    public record Incident(Instant at, Instant until, IncidentKind kind, String what, String source) {
    }
}
