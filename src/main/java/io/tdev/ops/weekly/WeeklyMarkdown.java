package io.tdev.ops.weekly;

import io.tdev.ops.api.weekly.WeeklyReportResult.Incident;
import io.tdev.ops.api.weekly.WeeklyReportResult.Slo;
import io.tdev.ops.api.weekly.WeeklyReportResult.Week;

import java.time.ZoneId;
import java.util.List;

/** The weekly report as Markdown: the SLO table with last week's values, the days, and the week's totals. */
final class WeeklyMarkdown {
    private WeeklyMarkdown() {
    }

    static String render(Week week, Week previous, List<Slo> slos, ZoneId zone, List<Incident> incidents) {
        StringBuilder md = new StringBuilder();
        long missed = slos.stream().filter(s -> !s.met()).count();
        md.append("## Weekly SLO report ").append(week.from()).append(" .. ").append(week.to()).append(" (")
                .append(zone.getId()).append(")\n\n");
        md.append(missed == 0 ? "Every SLO was met.\n\n" : missed + " of " + slos.size() + " SLOs not met.\n\n");
        md.append("| SLO | objective | this week | last week | change | status | evidence |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Slo s : slos) {
            md.append("| ").append(s.name()).append(" | ").append(s.comparison()).append(' ')
                    .append(Numbers.show(s.objective(), 1)).append(' ').append(s.unit()).append(" | ")
                    .append(Numbers.show(s.actual(), 2)).append(" | ").append(Numbers.show(s.previous(), 2)).append(" | ")
                    .append(Numbers.delta(s.delta(), 2)).append(" | ").append(status(s)).append(" | ")
                    .append(s.evidence().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n### Per day\n\n");
        md.append("| date | pipeline avg (s) | pipeline p95 (s) | successes | failures | availability (%) |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < 7; i++) {
            var p = week.pipeline().daily().get(i);
            var g = week.generations().daily().get(i);
            var a = week.availability().daily().get(i);
            md.append("| ").append(p.date()).append(' ').append(p.date().getDayOfWeek().toString(), 0, 3).append(" | ")
                    .append(Numbers.show(p.averageSeconds(), 1)).append(" | ").append(Numbers.show(p.p95Seconds(), 1))
                    .append(" | ").append(Numbers.show(g.success(), 0)).append(" | ").append(Numbers.show(g.failure(), 0))
                    .append(" | ").append(Numbers.show(a.percent(), 3)).append(" |\n");
        }
        md.append("\n### The week\n\n");
        md.append("| | this week | last week |\n|---|---|---|\n");
        row(md, "pipeline average (s)", Numbers.show(week.pipeline().averageSeconds(), 1), Numbers.show(previous.pipeline().averageSeconds(), 1));
        row(md, "pipeline p95 (s)", Numbers.show(week.pipeline().p95Seconds(), 1), Numbers.show(previous.pipeline().p95Seconds(), 1));
        row(md, "successful generations", Numbers.show(week.generations().success(), 0), Numbers.show(previous.generations().success(), 0));
        row(md, "failed generations", Numbers.show(week.generations().failure(), 0), Numbers.show(previous.generations().failure(), 0));
        row(md, "error rate (%)", Numbers.show(week.generations().errorRatePercent(), 2), Numbers.show(previous.generations().errorRatePercent(), 2));
        row(md, "availability (%)", Numbers.show(week.availability().percent(), 3), Numbers.show(previous.availability().percent(), 3));
        row(md, "CPU average / max (%)", Numbers.show(week.resources().cpuAveragePercent(), 1) + " / " + Numbers.show(week.resources().cpuMaxPercent(), 1),
                Numbers.show(previous.resources().cpuAveragePercent(), 1) + " / " + Numbers.show(previous.resources().cpuMaxPercent(), 1));
        row(md, "memory average / max (%)", Numbers.show(week.resources().memoryAveragePercent(), 1) + " / " + Numbers.show(week.resources().memoryMaxPercent(), 1),
                Numbers.show(previous.resources().memoryAveragePercent(), 1) + " / " + Numbers.show(previous.resources().memoryMaxPercent(), 1));
        row(md, "distinct users", Numbers.show(week.distinctUsers(), 0), Numbers.show(previous.distinctUsers(), 0));
        row(md, "projects created", Numbers.show(week.projectsCreated(), 0), Numbers.show(previous.projectsCreated(), 0));
        md.append("\nAvailability from ").append(week.availability().source()).append(".\n");
        md.append("\n### Incidents\n\n");
        if (incidents.isEmpty()) {
            md.append("None: no alarm of the environment went to ALARM and ECS rolled back no deployment.\n");
        } else {
            md.append("| began | ended | kind | what | source |\n|---|---|---|---|---|\n");
            for (Incident i : incidents) {
                md.append("| ").append(local(i.at(), zone)).append(" | ").append(i.until() == null ? "-" : local(i.until(), zone))
                        .append(" | ").append(i.kind()).append(" | ").append(i.what().replace("|", "\\|")).append(" | ")
                        .append(i.source()).append(" |\n");
            }
        }
        md.append("\nNot listed: rollbacks run with `tdev-ops rollback`, which are new deployments ECS does not mark as"
                + " rolled back; their notices went to the environment's topic.\n");
        return md.toString();
    }

    /** Local date and minute of the report's zone: the days above are that zone's. */
    static String local(java.time.Instant at, ZoneId zone) {
        return LOCAL_MINUTE.format(at.atZone(zone));
    }

    private static final java.time.format.DateTimeFormatter LOCAL_MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd EEE HH:mm", java.util.Locale.ROOT);

    private static void row(StringBuilder md, String what, String week, String previous) {
        md.append("| ").append(what).append(" | ").append(week).append(" | ").append(previous).append(" |\n");
    }

    private static String status(Slo s) {
        return switch (s.status()) {
            case MET -> "met";
            case MISSED -> "**MISSED**";
            case NO_DATA -> "no data";
        };
    }
}
