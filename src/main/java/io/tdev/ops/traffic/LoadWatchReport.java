package io.tdev.ops.traffic;

import io.tdev.ops.api.traffic.LoadWatchResult.Sample;
import io.tdev.ops.api.traffic.LoadWatchResult.Status;
import io.tdev.ops.report.SvgLineChart;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The load watch for people: verdict, why it stopped, a chart of p95 and 5xx over the test, the samples. */
final class LoadWatchReport {
    private LoadWatchReport() {
    }

    static String markdown(Status status, Instant start, Instant end, double p95Limit, double errorLimit,
                           List<Sample> samples, String stoppedBecause) {
        StringBuilder md = new StringBuilder("## Load watch: ").append(status).append("\n\n")
                .append("From ").append(start).append(" to ").append(end).append("; limits: p95 ").append(p95Limit)
                .append(" s, 5xx ").append(errorLimit).append(" %.\n");
        if (stoppedBecause != null) {
            md.append("\n**Stopped:** ").append(stoppedBecause).append("\n");
        }
        List<String> labels = samples.stream().map(s -> "+" + minutes(start, s.at())).toList();
        md.append("\n").append(new SvgLineChart("ALB response time p95 (s)", labels)
                .series("p95 s", samples.stream().map(Sample::p95Seconds).toList())
                .limit(p95Limit, "limit " + p95Limit + " s").svg()).append("\n\n");
        md.append(new SvgLineChart("5xx per request (%)", labels)
                .series("5xx %", samples.stream().map(Sample::errorRatePercent).toList())
                .limit(errorLimit, "limit " + errorLimit + " %").svg()).append("\n\n");
        md.append("| at | p95 (s) | 5xx (%) | health |\n|---|---|---|---|\n");
        for (Sample s : samples) {
            md.append("| ").append(s.at()).append(" | ").append(s.p95Seconds() == null ? "no data" : s.p95Seconds())
                    .append(" | ").append(s.errorRatePercent() == null ? "no data" : s.errorRatePercent())
                    .append(" | ").append(s.verdict()).append(" |\n");
        }
        return md.toString();
    }

    private static String minutes(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        return d.toMinutes() + "m" + (d.toSecondsPart() == 0 ? "" : d.toSecondsPart() + "s");
    }
}
