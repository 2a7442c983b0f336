package io.tdev.ops.bench;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.config.EnvironmentConfig.HealthSettings;
import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.api.Progress;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.health.Verdict;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the daily / bake health check takes when every AWS read has real latency, at parallelism 1 (the
 * baseline: one signal after another) and 2, 4, 8 ({@code health.parallelism}). The engine runs unchanged on the
 * simulated environment; only the sim's {@code delay} fault adds the latency, outside the world's lock, as the
 * network would. Also predicts each parallelism from the signals' single times (list scheduling in signal order),
 * so that a gap between prediction and measurement shows the engine's own overhead.
 */
final class HealthCheckParallelismBench {
    /** Assumed in-region p50 latencies of the calls a health check makes (one page each in the healthy scenario). */
    static final Map<String, Duration> LATENCY = latencies();
    static final int[] PARALLELISM = {1, 2, 4, 8};

    private final int warmups;
    private final int runs;

    HealthCheckParallelismBench(int warmups, int runs) {
        this.warmups = warmups;
        this.runs = runs;
    }

    private static Map<String, Duration> latencies() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put(Api.DESCRIBE_SERVICES, Duration.ofMillis(60));
        m.put(Api.DESCRIBE_ALARMS, Duration.ofMillis(80));
        m.put(Api.DESCRIBE_TARGET_HEALTH, Duration.ofMillis(50));
        m.put(Api.FILTER_LOG_EVENTS, Duration.ofMillis(250));
        m.put(Api.GET_METRIC_DATA, Duration.ofMillis(120));
        m.put(Api.LIST_BUCKET, Duration.ofMillis(90));
        m.put(Api.DESCRIBE_TABLE, Duration.ofMillis(30));
        m.put(Api.DYNAMODB_SCAN, Duration.ofMillis(150));
        m.put(Api.DYNAMODB_QUERY, Duration.ofMillis(40));
        return m;
    }

    record Row(int parallelism, Samples wall, long predictedNanos) {
    }

    record Result(List<Row> rows, Map<String, Long> singleSignalNanos, Map<String, Integer> callsPerCheck,
                  long serialLatencyNanos) {
    }

    Result run() {
        EnvironmentConfig base = TestConfigs.production();
        SimEnvironment sim = SimEnvironment.scenario("healthy", base);
        LATENCY.forEach((api, d) -> sim.faults().delay(api, d));

        // One check without timing it: which calls it makes, so the serial latency sum can be stated.
        Map<String, Integer> before = counts(sim);
        HealthResult first = check(sim, base, 1, HealthOptions.defaults());
        if (first.status() != Verdict.HEALTHY) {
            throw new IllegalStateException("the healthy scenario must check HEALTHY, got " + first.status()
                    + " " + first.reasons());
        }
        Map<String, Integer> calls = new LinkedHashMap<>();
        long serial = 0;
        for (Map.Entry<String, Integer> e : counts(sim).entrySet()) {
            int n = e.getValue() - before.get(e.getKey());
            if (n > 0) {
                calls.put(e.getKey(), n);
                serial += n * LATENCY.get(e.getKey()).toNanos();
            }
        }

        Map<String, Long> single = new LinkedHashMap<>();
        for (String signal : HealthCheck.SIGNALS) {
            Samples s = new Samples();
            for (int i = 0; i < 3; i++) {
                s.add(time(() -> check(sim, base, 1, HealthOptions.defaults().withSignals(List.of(signal)))));
            }
            single.put(signal, s.median());
        }

        List<Row> rows = new ArrayList<>();
        Map<Integer, Samples> samples = new LinkedHashMap<>();
        for (int p : PARALLELISM) {
            samples.put(p, new Samples());
        }
        for (int i = 0; i < warmups; i++) {
            for (int p : PARALLELISM) {
                check(sim, base, p, HealthOptions.defaults());
            }
        }
        // Round-robin over the parallelisms, so that load from other processes falls on all of them alike.
        for (int i = 0; i < runs; i++) {
            for (int p : PARALLELISM) {
                samples.get(p).add(time(() -> check(sim, base, p, HealthOptions.defaults())));
            }
        }
        for (int p : PARALLELISM) {
            rows.add(new Row(p, samples.get(p), listSchedule(new ArrayList<>(single.values()), p)));
        }
        return new Result(rows, single, calls, serial);
    }

    /** The engine's schedule: signals start in their order, each on the first slot that is free. */
    static long listSchedule(List<Long> durations, int slots) {
        long[] free = new long[Math.min(slots, durations.size())];
        long end = 0;
        for (long d : durations) {
            int best = 0;
            for (int i = 1; i < free.length; i++) {
                if (free[i] < free[best]) {
                    best = i;
                }
            }
            free[best] += d;
            end = Math.max(end, free[best]);
        }
        return end;
    }

    private static HealthResult check(SimEnvironment sim, EnvironmentConfig base, int parallelism, HealthOptions options) {
        OpsContext ctx = new OpsContext(withParallelism(base, parallelism), sim.ports(), sim.clock(), sim.sleeper(),
                Progress.NONE, "bench");
        return new HealthCheck(ctx).run(options);
    }

    static EnvironmentConfig withParallelism(EnvironmentConfig c, int parallelism) {
        HealthSettings h = c.health();
        return c.withHealth(new HealthSettings(h.errorWindowMinutes(), h.errorEventsDegraded(), h.errorEventsUnhealthy(),
                h.topPatterns(), h.signalTimeoutSeconds(), parallelism));
    }

    private static Map<String, Integer> counts(SimEnvironment sim) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String api : LATENCY.keySet()) {
            m.put(api, sim.calls(api));
        }
        return m;
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    static String markdown(Result r, BarChart chart) {
        long baseline = r.rows().get(0).wall().median();
        MarkdownTable t = new MarkdownTable("scenario", "runs", "median", "p90", "min", "predicted",
                "ratio vs parallelism 1", "speed-up");
        for (Row row : r.rows()) {
            Samples w = row.wall();
            String name = "parallelism " + row.parallelism() + (row.parallelism() == 1 ? " (baseline: sequential)" : "");
            t.row(name, w.count(), MarkdownTable.ms(w.median()), MarkdownTable.p90(w), MarkdownTable.ms(w.min()),
                    MarkdownTable.ms(row.predictedNanos()), MarkdownTable.ratio((double) w.median() / baseline),
                    MarkdownTable.ratio((double) baseline / w.median()));
            chart.category("p=" + row.parallelism());
            chart.value("median", w.median() / 1e6);
            chart.value("predicted", row.predictedNanos() / 1e6);
        }
        StringBuilder out = new StringBuilder(t.render());
        List<String> calls = new ArrayList<>();
        r.callsPerCheck().forEach((api, n) -> calls.add(n + "x " + api + " (" + LATENCY.get(api).toMillis() + " ms)"));
        out.append("\nInjected latency per call (sim `delay` fault): ").append(String.join(", ", calls))
                .append("; one check = ").append(MarkdownTable.ms(r.serialLatencyNanos()))
                .append(" of latency end to end.\n");
        List<String> singles = new ArrayList<>();
        r.singleSignalNanos().forEach((s, n) -> singles.add(s + " " + MarkdownTable.ms(n)));
        out.append("Each signal alone (median of 3): ").append(String.join(", ", singles))
                .append(". *predicted* = those times scheduled in signal order on *parallelism* slots, as the engine does;")
                .append(" the slowest signal is the floor no parallelism goes below.\n");
        return out.toString();
    }

    static String headline(Result r) {
        long baseline = r.rows().get(0).wall().median();
        List<String> parts = new ArrayList<>();
        for (Row row : r.rows().subList(1, r.rows().size())) {
            parts.add(String.format(Locale.ROOT, "p=%d %.2fx", row.parallelism(), (double) baseline / row.wall().median()));
        }
        return "health check " + MarkdownTable.ms(baseline) + " sequential; speed-up " + String.join(", ", parts);
    }
}
