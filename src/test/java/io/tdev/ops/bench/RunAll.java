package io.tdev.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every benchmark and writes {@code target/benchmarks/results.md} (Markdown tables, each scenario against a
 * baseline measured in the same run) and the charts next to it. {@code quick} as the first argument makes a
 * shorter run (fewer runs, no 1M lines) for trying the harness; its numbers are not for quoting.
 *
 * <pre>./mvnw -B -q test-compile &amp;&amp; java -Xmx2g -cp "target/test-classes:target/classes:$(./mvnw -B -o -q \
 *     dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" io.tdev.ops.bench.RunAll [quick [DIR]]</pre>
 */
public final class RunAll {
    private RunAll() {
    }

    /** One goal of issue 14 with its measurement and its baseline from this run (other benches add theirs). */
    record Goal(String goal, String measured, String baseline, String ratio, String target, boolean met) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        Path dir = Path.of(args.length > 1 ? args[1] : "target/benchmarks");
        Files.createDirectories(dir);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Instant started = Instant.now();
        double loadBefore = os.getSystemLoadAverage();
        List<String> headlines = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        StringBuilder body = new StringBuilder();

        if (!quick) {
            // first: it times a fresh copy's build, then rebuilds target/tdev-ops.jar, which the CLI bench starts
            System.err.println("bench: first run (" + FirstRunBench.COMMAND + ") ...");
            FirstRunBench.Result first = new FirstRunBench().run(dir);
            body.append("## 1. First run\n\n")
                    .append("The README's main command, `").append(FirstRunBench.COMMAND).append("`, on this machine's "
                            + "Maven cache (warm: the dependencies are there), in a fresh copy of the checkout's tracked "
                            + "files (no `target/`: everything compiles, as after a clone). Output in `first-run.log`.\n\n")
                    .append(FirstRunBench.markdown(first)).append('\n');
            goals.add(new Goal("1. first run: README command, build without tests + demo",
                    String.format(Locale.ROOT, "%.0f s, %d [WARNING] lines", first.totalNanos() / 1e9, first.warnings()),
                    "4 min 45 s and 787 warning lines on a rebuild (`./mvnw -B package` ran all tests; issue 14, not re-run)",
                    MarkdownTable.ratio(first.totalNanos() / 1e9 / 285), "<= 60 s, no warning flood",
                    first.totalNanos() <= 60e9 && first.exitCode() == 0 && first.warnings() < 10));
            headlines.add(String.format(Locale.ROOT, "first run: %.0f s from `./mvnw` to the demo's last line, %d warnings",
                    first.totalNanos() / 1e9, first.warnings()));
        }

        System.err.println("bench: CLI start-up ...");
        List<CliStartupBench.Row> cli = new CliStartupBench(1, quick ? 3 : 7).run(CliStartupBench.defaultJar());
        BarChart cliChart = new BarChart("CLI wall time by how the JVM is started", "ms",
                v -> String.format(Locale.ROOT, "%.0f", v));
        body.append("## 2. CLI start-up\n\n")
                .append("The real jar in a new JVM per run, from process start to exit; `health` against WireMock on "
                        + "loopback answering every call of a health check like AWS. Baseline: `java -jar` with the JVM's "
                        + "defaults; the other rows add the launcher's levers one at a time, then all of them "
                        + "(`bin/tdev-ops`). CPU = user + system time of the process.\n\n")
                .append(CliStartupBench.markdown(cli, cliChart))
                .append("\n![CLI wall time](cli-startup.svg)\n\n```\n").append(cliChart.text()).append("```\n\n");
        Files.writeString(dir.resolve("cli-startup.svg"), cliChart.svg());
        headlines.add(CliStartupBench.headline(cli));
        goals.addAll(CliStartupBench.goals(cli));

        System.err.println("bench: health check latency vs parallelism ...");
        HealthCheckParallelismBench.Result health = new HealthCheckParallelismBench(quick ? 1 : 2, quick ? 3 : 7).run();
        BarChart healthChart = new BarChart("Health check wall time vs health.parallelism", "ms",
                v -> String.format(Locale.ROOT, "%.0f", v));
        body.append("## 3. Health check latency vs parallelism\n\n")
                .append("All 8 signals of `HealthCheck` on the simulated `healthy` environment, every AWS read delayed by "
                        + "a realistic latency. Baseline: parallelism 1 (one signal after another).\n\n")
                .append(HealthCheckParallelismBench.markdown(health, healthChart))
                .append("\n![health check wall time vs parallelism](health-check-parallelism.svg)\n\n```\n")
                .append(healthChart.text()).append("```\n\n");
        Files.writeString(dir.resolve("health-check-parallelism.svg"), healthChart.svg());
        headlines.add(HealthCheckParallelismBench.headline(health));

        System.err.println("bench: message pattern grouping ...");
        List<MessagePatternsBench.Size> sizes = quick
                ? List.of(new MessagePatternsBench.Size(10_000, 2, 5), new MessagePatternsBench.Size(100_000, 1, 3))
                : List.of(new MessagePatternsBench.Size(10_000, 3, 10), new MessagePatternsBench.Size(100_000, 1, 5),
                new MessagePatternsBench.Size(1_000_000, 1, 3));
        List<MessagePatternsBench.Row> patterns = new MessagePatternsBench(sizes, dir).run();
        BarChart patternChart = new BarChart("ERROR-line grouping throughput", "lines/s", MarkdownTable::count);
        body.append("## 4. Error-message pattern grouping\n\n")
                .append("The engine's single scan (`MessagePatterns.top`) against the regular-expression engine it "
                        + "replaced (the same rules precompiled, `RegexMessageRules`), the naive `String.replaceAll` "
                        + "baseline and, at the largest size, GNU sed with the same rules piped into `sort | uniq -c`, "
                        + "on seeded realistic ERROR lines (timestamps, request ids, UUIDs, hex, numbers, IPs, "
                        + "credentials).\n\n")
                .append(MessagePatternsBench.markdown(patterns, patternChart))
                .append("\n![grouping throughput](message-patterns-throughput.svg)\n\n```\n")
                .append(patternChart.text()).append("```\n\n");
        Files.writeString(dir.resolve("message-patterns-throughput.svg"), patternChart.svg());
        List<MessagePatternsBench.Pass> passes = MessagePatternsBench.passes(10_000, quick ? 3 : 5);
        body.append("Where the regex engine's time went: each regular expression alone (precompiled), on the output "
                        + "of the ones before it, 10k lines. The single scan decides all of them in one pass.\n\n")
                .append(MessagePatternsBench.passesMarkdown(passes, 10_000)).append('\n');
        headlines.add(MessagePatternsBench.headline(patterns));
        goals.addAll(MessagePatternsBench.goals(patterns));

        System.err.println("bench: simulation speed ...");
        List<SimulationSpeedBench.Row> sim = new SimulationSpeedBench(1, quick ? 2 : 5).run();
        body.append("## 5. Simulation speed\n\n")
                .append("The demo story end to end (`GatedDeployDemo`: checklist, deploy, 10-minute bake with a health "
                        + "check every 15 s, then mark known-good or roll back) on virtual time. Baseline: real time, "
                        + "where the story takes its virtual duration.\n\n")
                .append(SimulationSpeedBench.markdown(sim)).append('\n');
        headlines.add(SimulationSpeedBench.headline(sim));

        System.err.println("bench: fleet health ...");
        List<FleetHealthBench.Row> fleet = new FleetHealthBench(quick ? List.of(1, 10, 100) : List.of(1, 10, 100, 1000),
                quick ? 10 : 100).run();
        body.append("## Fleet health (`health --services`)\n\n")
                .append("N simulated services checked in one run against the runbook's way (one service after another, "
                        + "each read in turn), every AWS call delayed by a realistic latency.\n\n")
                .append(FleetHealthBench.markdown(fleet)).append('\n');
        headlines.add(FleetHealthBench.headline(fleet));
        goals.addAll(FleetHealthBench.goals(fleet));

        Duration took = Duration.between(started, Instant.now());
        StringBuilder out = new StringBuilder("# tdev-ops benchmarks\n\n");
        out.append(String.format(Locale.ROOT, "%s, %s. Java %s (%s), %s %s, %d CPUs, load average %.2f before, "
                        + "%.2f after; max heap %d MiB. Whole run: %d s.%n%n", started.truncatedTo(ChronoUnit.SECONDS),
                quick ? "**quick run: not for quoting**" : "full run", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                os.getAvailableProcessors(), loadBefore, os.getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, took.toSeconds()));
        out.append("Every ratio compares with a baseline measured in this run; runs of the compared scenarios are "
                + "interleaved. median and p90 are over the measured runs (after warm-up runs that are not counted). "
                + "Wall-clock numbers depend on the machine and its load: compare ratios, not milliseconds, across "
                + "machines.\n\n");
        for (String h : headlines) {
            out.append("- ").append(h).append('\n');
        }
        MarkdownTable goalTable = new MarkdownTable("goal (issue 14)", "measured", "baseline", "ratio", "target", "met");
        for (Goal g : goals) {
            goalTable.row(g.goal(), g.measured(), g.baseline(), g.ratio(), g.target(), g.met() ? "yes" : "**no**");
        }
        out.append("\n## Goals\n\n").append(goalTable.render());
        out.append('\n').append(body);
        Path results = dir.resolve("results.md");
        Files.writeString(results, out.toString());
        System.out.println(out);
        System.err.println("bench: wrote " + results.toAbsolutePath());
    }
}
