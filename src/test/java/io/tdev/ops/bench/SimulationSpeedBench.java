package io.tdev.ops.bench;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.demo.DemoReport;
import io.tdev.ops.demo.DemoScenario;
import io.tdev.ops.demo.GatedDeployDemo;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.SimBuilder;
import io.tdev.ops.testing.TestConfigs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the simulation runs the demo story (checklist, deploy, a {@code deploy.bakeMinutes} bake of health
 * checks every {@code deploy.pollSeconds}, then mark known-good or roll back), as virtual time per wall second.
 * The baseline is real time: the same story against AWS takes its virtual duration (ratio 1).
 */
final class SimulationSpeedBench {
    record Row(DemoScenario scenario, Duration virtual, Samples wall) {
        double speedUp() {
            return virtual.toNanos() / (double) wall.median();
        }
    }

    private final int warmups;
    private final int runs;

    SimulationSpeedBench(int warmups, int runs) {
        this.warmups = warmups;
        this.runs = runs;
    }

    List<Row> run() throws InterruptedException {
        EnvironmentConfig config = TestConfigs.production();
        List<Row> rows = new ArrayList<>();
        for (DemoScenario scenario : List.of(DemoScenario.good, DemoScenario.bad)) {
            for (int i = 0; i < warmups; i++) {
                story(scenario, config);
            }
            Samples wall = new Samples();
            Duration virtual = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                DemoReport report = story(scenario, config);
                wall.add(System.nanoTime() - t0);
                Duration v = Duration.between(SimBuilder.DEFAULT_START, end(report));
                if (virtual != null && !virtual.equals(v)) {
                    throw new IllegalStateException("the story is not deterministic: " + virtual + " then " + v);
                }
                virtual = v;
            }
            rows.add(new Row(scenario, virtual, wall));
        }
        return rows;
    }

    private static DemoReport story(DemoScenario scenario, EnvironmentConfig config) throws InterruptedException {
        DemoReport report = GatedDeployDemo.run(scenario, config, Progress.NONE);
        if (!report.asDesigned()) {
            throw new IllegalStateException("the " + scenario + " story ended " + report.outcome() + ", not "
                    + scenario.expected());
        }
        return report;
    }

    /** The last virtual instant the story recorded (an entry, the end of a repeated entry, or a decision). */
    private static Instant end(DemoReport report) {
        Instant end = SimBuilder.DEFAULT_START;
        for (List<Map<String, Object>> list : List.of(report.timeline(), report.decisions())) {
            for (Map<String, Object> e : list) {
                for (String key : List.of("at", "until")) {
                    Object v = e.get(key);
                    if (v != null && Instant.parse(v.toString()).isAfter(end)) {
                        end = Instant.parse(v.toString());
                    }
                }
            }
        }
        return end;
    }

    static String markdown(List<Row> rows) {
        MarkdownTable t = new MarkdownTable("scenario", "runs", "virtual time", "median", "p90",
                "virtual min per wall s", "ratio vs real time (baseline 1x)");
        for (Row r : rows) {
            t.row("demo `" + r.scenario() + "` (" + r.scenario().expected() + ")", r.wall().count(),
                    format(r.virtual()), MarkdownTable.ms(r.wall().median()), MarkdownTable.p90(r.wall()),
                    String.format(Locale.ROOT, "%,.0f", r.speedUp() / 60),
                    String.format(Locale.ROOT, "%,.0fx", r.speedUp()));
        }
        return t.render();
    }

    static String headline(List<Row> rows) {
        Row good = rows.get(0);
        return String.format(Locale.ROOT, "simulation: the %s-long good demo (10-minute bake) runs in %s, %,.0fx real time",
                format(good.virtual()), MarkdownTable.ms(good.wall().median()), good.speedUp());
    }

    private static String format(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
