package io.tdev.ops.weekly;

import io.tdev.ops.api.weekly.WeeklyReportResult;
import io.tdev.ops.api.weekly.WeeklyReportResult.Slo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The weekly report as one self-contained page (no external script, font, style or image; well-formed XHTML so
 * any XML parser reads it): the SLO table with the change to last week, and three inline SVG charts: the daily
 * pipeline average and p95 against the p95 objective, daily successes and failures, and availability per day
 * against its objective.
 */
public final class WeeklyHtml {
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;"
            + "color:#222}table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left}td.num{text-align:right}.met{color:#2ca02c}.missed{color:#d62728;font-weight:bold}"
            + ".nodata{fill:#999;color:#999;font-size:11px}.chart{display:block;margin:16px 0}.title{font-size:14px;"
            + "font-weight:bold}.tick{font-size:11px;fill:#555}.legend{font-size:12px}";

    private WeeklyHtml() {
    }

    public static String render(WeeklyReportResult r) {
        List<LocalDate> days = r.pipeline().daily().stream().map(WeeklyReportResult.PipelineDay::date).toList();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Weekly SLO report ").append(r.from()).append(" .. ")
                .append(r.to()).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        long missed = r.slos().stream().filter(s -> !s.met()).count();
        html.append("<h1>Weekly SLO report ").append(r.from()).append(" .. ").append(r.to()).append("</h1>\n")
                .append("<p>Time zone ").append(Html.escape(r.timeZone())).append(". ")
                .append(missed == 0 ? "Every SLO was met." : missed + " of " + r.slos().size() + " SLOs not met.")
                .append("</p>\n");
        html.append("<table id=\"slos\">\n<tr><th>SLO</th><th>objective</th><th>this week</th><th>last week</th>"
                + "<th>change</th><th>status</th><th>evidence</th></tr>\n");
        for (Slo s : r.slos()) {
            String css = s.met() ? "met" : "missed";
            html.append("<tr data-slo=\"").append(s.name()).append("\"><td>").append(s.name()).append("</td><td>")
                    .append(Html.escape(s.comparison())).append(' ').append(Numbers.show(s.objective(), 1)).append(' ')
                    .append(s.unit()).append("</td><td class=\"num\">").append(Numbers.show(s.actual(), 2))
                    .append("</td><td class=\"num\">").append(Numbers.show(s.previous(), 2))
                    .append("</td><td class=\"num\">").append(Numbers.delta(s.delta(), 2)).append("</td><td class=\"")
                    .append(css).append("\">").append(s.status() == WeeklyReportResult.SloStatus.NO_DATA ? "no data"
                            : s.met() ? "met" : "missed").append("</td><td>").append(Html.escape(s.evidence()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        double p95 = r.slo("pipeline-p95").objective();
        html.append(new SvgChart("Pipeline execution time per day (s)", days, SvgChart.Kind.LINE)
                .series("pipeline-average", "average", r.pipeline().daily().stream().map(d -> d.averageSeconds()).toList())
                .series("pipeline-p95", "p95", r.pipeline().daily().stream().map(d -> d.p95Seconds()).toList())
                .objective(p95, "p95 objective " + SvgChart.fmt(p95) + " s").render());
        html.append(new SvgChart("Generations per day", days, SvgChart.Kind.BARS)
                .series("generations-success", "successes", r.generations().daily().stream().map(d -> toDouble(d.success())).toList())
                .series("generations-failure", "failures", r.generations().daily().stream().map(d -> toDouble(d.failure())).toList())
                .render());
        double availability = r.slo("availability").objective();
        html.append(new SvgChart("Availability per day (%)", days, SvgChart.Kind.LINE)
                .series("availability", "availability", r.availability().daily().stream().map(d -> d.percent()).toList())
                .objective(availability, "objective " + SvgChart.fmt(availability) + " %")
                .floor(availability - 0.5).render());
        html.append("<p>Availability from ").append(Html.escape(r.availability().source())).append(". Distinct users ")
                .append(Numbers.show(r.distinctUsers(), 0)).append(" (last week ")
                .append(Numbers.show(r.previousWeek().distinctUsers(), 0)).append("), projects created ")
                .append(Numbers.show(r.projectsCreated(), 0)).append(" (last week ")
                .append(Numbers.show(r.previousWeek().projectsCreated(), 0)).append(").</p>\n");
        html.append("<h2>Incidents</h2>\n");
        if (r.incidents().isEmpty()) {
            html.append("<p id=\"incidents\">None: no alarm of the environment went to ALARM and ECS rolled back no"
                    + " deployment.</p>\n");
        } else {
            ZoneId zone = ZoneId.of(r.timeZone());
            html.append("<table id=\"incidents\">\n<tr><th>began</th><th>ended</th><th>kind</th><th>what</th>"
                    + "<th>source</th></tr>\n");
            for (WeeklyReportResult.Incident i : r.incidents()) {
                html.append("<tr data-at=\"").append(i.at()).append("\"><td>").append(WeeklyMarkdown.local(i.at(), zone))
                        .append("</td><td>").append(i.until() == null ? "-" : WeeklyMarkdown.local(i.until(), zone))
                        .append("</td><td>").append(i.kind()).append("</td><td>").append(Html.escape(i.what()))
                        .append("</td><td>").append(Html.escape(i.source())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static Double toDouble(Long value) {
        return value == null ? null : value.doubleValue();
    }
}
