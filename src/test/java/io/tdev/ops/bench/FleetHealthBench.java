package io.tdev.ops.bench;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.fleet.FleetHealthRequest;
import io.tdev.ops.api.fleet.FleetHealthResult;
import io.tdev.ops.api.fleet.FleetHealthUseCase;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Issue 14, goal 4: {@code health --services} over N = 1, 10, 100, 1000 simulated services with per-call latency
 * (the simulation's {@code delay} fault), against the runbook's way measured in the same run: one service after
 * another, each of its reads in turn (DescribeServices, DescribeAlarms by its prefix, DescribeTargetHealth,
 * FilterLogEvents, GetMetricData for CPU, GetMetricData for memory).
 */
final class FleetHealthBench {
    /** Assumed in-region p50 latencies; a Logs Insights query is StartQuery plus GetQueryResults polls until COMPLETE. */
    static final Map<String, Duration> LATENCY = latencies();
    private static final EnvironmentConfig CONFIG = TestConfigs.production();
    private static final List<String> CLUSTERS = List.of(CONFIG.ecs().cluster(), "t-developer-batch-production");

    private static Map<String, Duration> latencies() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put(Api.DESCRIBE_SERVICES, Duration.ofMillis(60));
        m.put(Api.DESCRIBE_ALARMS, Duration.ofMillis(80));
        m.put(Api.DESCRIBE_TARGET_GROUPS, Duration.ofMillis(70));
        m.put(Api.DESCRIBE_TARGET_HEALTH, Duration.ofMillis(50));
        m.put(Api.GET_METRIC_DATA, Duration.ofMillis(120));
        m.put(Api.FILTER_LOG_EVENTS, Duration.ofMillis(250));
        m.put(Api.START_QUERY, Duration.ofMillis(1500));
        return m;
    }

    record Row(int services, String way, long wallNanos, long calls, Duration virtual, long retainedBytes,
               String status, boolean measured) {
    }

    private final List<Integer> sizes;
    private final int baselineUpTo;

    FleetHealthBench(List<Integer> sizes, int baselineUpTo) {
        this.sizes = sizes;
        this.baselineUpTo = baselineUpTo;
    }

    List<Row> run() {
        fleet(10); // warm-up: class loading and JIT, not counted
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            rows.add(fleet(n));
            rows.add(n <= baselineUpTo ? baseline(n) : predictedBaseline(n, rows));
        }
        return rows;
    }

    private static SimEnvironment sim(int n) {
        SimEnvironment sim = SimEnvironment.builder(CONFIG).fleet(n, CLUSTERS).build();
        LATENCY.forEach((api, d) -> sim.faults().delay(api, d));
        return sim;
    }

    private static List<String> names(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> CLUSTERS.get((i - 1) % 2) + "/" + String.format("svc-%04d", i))
                .toList();
    }

    private static Row fleet(int n) {
        SimEnvironment sim = sim(n);
        List<String> names = names(n);
        OpsContext ctx = new OpsContext(CONFIG, sim.ports(), sim.clock(), sim.sleeper(), line -> { }, "bench");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        int callsBefore = sim.callLog().size();
        Instant virtualStart = sim.now();
        long t0 = System.nanoTime();
        FleetHealthResult r = FleetHealthUseCase.over(ctx).run(new FleetHealthRequest(names));
        long wall = System.nanoTime() - t0;
        System.gc();
        long retained = Math.max(0, memory.getHeapMemoryUsage().getUsed() - heapBefore);
        return new Row(n, "fleet", wall, sim.callLog().size() - callsBefore, Duration.between(virtualStart, sim.now()),
                retained, r.status() + " (" + r.services().stream().filter(s -> !s.status().equals("HEALTHY")).count()
                + " not HEALTHY)", true);
    }

    /** The runbook's daily check, service after service, each read in turn. */
    private static Row baseline(int n) {
        SimEnvironment sim = sim(n);
        var p = sim.ports();
        int callsBefore = sim.callLog().size();
        Instant now = sim.now();
        long t0 = System.nanoTime();
        int notHealthy = 0;
        for (String name : names(n)) {
            int slash = name.indexOf('/');
            ServiceRef ref = new ServiceRef(name.substring(0, slash), name.substring(slash + 1));
            ServiceState s = p.ecs().describeService(ref);
            var alarms = p.alarms().alarms(ref.service(), Optional.of(AlarmState.ALARM));
            var targets = p.targetHealth().targetHealth(s.targetGroupArns().get(0));
            var errors = p.logs().filter("/ecs/" + ref.service(), "ERROR", now.minus(Duration.ofHours(1)), now, 10_000);
            Map<String, String> dims = Map.of("ClusterName", ref.cluster(), "ServiceName", ref.service());
            var cpu = p.metrics().query(List.of(new MetricQuery("cpu", "AWS/ECS", "CPUUtilization", dims, "Average",
                    Duration.ofMinutes(1))), now.minus(Duration.ofMinutes(10)), now);
            var mem = p.metrics().query(List.of(new MetricQuery("mem", "AWS/ECS", "MemoryUtilization", dims, "Average",
                    Duration.ofMinutes(1))), now.minus(Duration.ofMinutes(10)), now);
            boolean bad = s.running() < s.desired() || !alarms.isEmpty()
                    || targets.stream().anyMatch(t -> t.state() != io.tdev.ops.model.TargetState.HEALTHY)
                    || errors.events().size() >= CONFIG.health().errorEventsDegraded()
                    || cpu.get(0).average().orElse(0) >= CONFIG.slo().cpuPercent()
                    || mem.get(0).average().orElse(0) >= CONFIG.slo().memoryPercent();
            notHealthy += bad ? 1 : 0;
        }
        long wall = System.nanoTime() - t0;
        return new Row(n, "runbook's way (baseline)", wall, sim.callLog().size() - callsBefore, Duration.ZERO, -1,
                notHealthy + " not HEALTHY", true);
    }

    /** Not run (it would take minutes): the measured per-service time of the largest measured baseline, times N. */
    private static Row predictedBaseline(int n, List<Row> rows) {
        Row last = rows.stream().filter(r -> r.measured() && r.way().startsWith("runbook")).reduce((a, b) -> b).orElseThrow();
        return new Row(n, "runbook's way (baseline, predicted)", last.wallNanos() / last.services() * n,
                last.calls() / last.services() * n, Duration.ZERO, -1, "-", false);
    }

    static String markdown(List<Row> rows) {
        MarkdownTable table = new MarkdownTable("N", "way", "wall", "calls", "call budget 20 + N/10",
                "virtual time (incl. rate-limit waits)", "heap retained after the run", "speed-up vs baseline", "verdict");
        for (int i = 0; i < rows.size(); i += 2) {
            Row f = rows.get(i);
            Row b = rows.get(i + 1);
            for (Row r : List.of(b, f)) {
                boolean fleet = r == f;
                table.row((Object[]) new String[] {String.valueOf(r.services()), r.way() + (r.measured() ? "" : " *"),
                        MarkdownTable.ms(r.wallNanos()), String.valueOf(r.calls()),
                        fleet ? String.valueOf(20 + r.services() / 10) : "-",
                        fleet ? MarkdownTable.ms(r.virtual().toNanos()) : "-",
                        fleet ? kib(r.retainedBytes()) + " (" + String.format(Locale.ROOT, "%.0f B",
                                (double) r.retainedBytes() / r.services()) + "/service)" : "-",
                        fleet ? MarkdownTable.ratio((double) b.wallNanos() / f.wallNanos()) : "1.00x",
                        r.status()});
            }
        }
        return table.render() + "\n* not run: the measured baseline's time and calls per service times N.\n"
                + "Injected latency per call (sim `delay` fault): " + String.join(", ", LATENCY.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").toList())
                + ". Rate budgets (fleet.rateLimits) wait on the injected clock: in the simulation that is virtual time, "
                + "so the wall column leaves them out and the virtual-time column shows them.\n";
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    static String headline(List<Row> rows) {
        Row f = rows.stream().filter(r -> r.services() == 100 && r.way().equals("fleet")).findFirst().orElse(rows.get(0));
        Row b = rows.stream().filter(r -> r.services() == f.services() && !r.way().equals("fleet")).findFirst().orElseThrow();
        return String.format(Locale.ROOT, "Fleet health: %d services in %s wall and %d calls (budget %d), the runbook's "
                        + "way %s and %d calls: **%.1fx** faster.", f.services(), MarkdownTable.ms(f.wallNanos()),
                f.calls(), 20 + f.services() / 10, MarkdownTable.ms(b.wallNanos()), b.calls(),
                (double) b.wallNanos() / f.wallNanos());
    }

    /**
     * Goal 4 of issue 14: every N within 20 + N/10 calls, 100 services within 5 s of wall time, and the heap a run
     * keeps flat in N (per service, 1000 services against 100), each beside the runbook's way at that N.
     */
    static List<RunAll.Goal> goals(List<Row> rows) {
        List<RunAll.Goal> goals = new java.util.ArrayList<>();
        for (Row f : rows) {
            if (!f.way().equals("fleet") || f.services() < 100) {
                continue;
            }
            Row b = rows.stream().filter(r -> r.services() == f.services() && !r.way().equals("fleet")).findFirst()
                    .orElseThrow();
            long budget = 20 + f.services() / 10;
            boolean wallGoal = f.services() == 100;
            String measured = f.calls() + " calls" + (wallGoal ? ", " + MarkdownTable.ms(f.wallNanos()) : "");
            String baseline = b.calls() + " calls, " + MarkdownTable.ms(b.wallNanos()) + " (runbook's way"
                    + (b.measured() ? ")" : ", predicted)");
            goals.add(new RunAll.Goal("4. fleet health, " + f.services() + " services", measured, baseline,
                    MarkdownTable.ratio((double) f.wallNanos() / b.wallNanos()),
                    "<= " + budget + " calls" + (wallGoal ? ", <= 5 s" : ""),
                    f.calls() <= budget && (!wallGoal || f.wallNanos() <= 5_000_000_000L)));
        }
        Row small = rows.stream().filter(r -> r.way().equals("fleet") && r.services() == 100).findFirst().orElse(null);
        Row large = rows.stream().filter(r -> r.way().equals("fleet") && r.services() == 1000).findFirst().orElse(null);
        if (small != null && large != null) {
            double perSmall = (double) small.retainedBytes() / small.services();
            double perLarge = (double) large.retainedBytes() / large.services();
            goals.add(new RunAll.Goal("4. fleet health memory per service, 1000 vs 100 services",
                    String.format(Locale.ROOT, "%.0f B/service", perLarge),
                    String.format(Locale.ROOT, "%.0f B/service at 100", perSmall),
                    MarkdownTable.ratio(perLarge / perSmall), "flat (<= 2x)", perLarge <= 2 * perSmall));
        }
        return goals;
    }

    public static void main(String[] args) {
        List<Row> rows = new FleetHealthBench(List.of(1, 10, 100, 1000), 100).run();
        System.out.println(headline(rows));
        System.out.println(markdown(rows));
    }
}
