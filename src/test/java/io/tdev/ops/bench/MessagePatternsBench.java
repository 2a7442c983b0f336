package io.tdev.ops.bench;

import io.tdev.ops.runbook.MessagePatterns;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Grouping ERROR lines into message patterns, as the health check's error-logs signal does: throughput (lines/s)
 * and allocation (bytes per line, from the measuring thread's allocation counter) of {@link MessagePatterns#top}
 * against the naive baseline ({@link NaiveMessagePatterns}), for 10k, 100k and 1M lines, measured in the same run
 * and interleaved (engine, baseline, engine, ...) so that load from other processes falls on both alike.
 */
final class MessagePatternsBench {
    private static final int TOP = 5;
    private static final long SEED = 20261126L;

    record Size(int lines, int warmups, int runs) {
    }

    record Measured(Samples nanos, Samples bytes, Samples gcMillis) {
        double linesPerSecond(int lines) {
            return lines / (nanos.median() / 1e9);
        }
    }

    record Row(int lines, int distinctPatterns, Measured engine, Measured naive) {
    }

    /** One normalisation pass (precompiled) over lines already through the passes before it. */
    record Pass(String name, Samples nanos) {
    }

    private final List<Size> sizes;

    MessagePatternsBench(List<Size> sizes) {
        this.sizes = sizes;
    }

    List<Row> run() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        List<Row> rows = new ArrayList<>();
        for (Size size : sizes) {
            List<String> lines = ErrorLines.generate(size.lines(), SEED);
            int distinct = sameGrouping(lines);
            for (int i = 0; i < size.warmups(); i++) {
                engine(lines);
                naive(lines);
            }
            Measured engine = new Measured(new Samples(), new Samples(), new Samples());
            Measured naive = new Measured(new Samples(), new Samples(), new Samples());
            for (int i = 0; i < size.runs(); i++) {
                List<String> e = measure(threads, engine, lines, MessagePatternsBench::engine);
                List<String> n = measure(threads, naive, lines, MessagePatternsBench::naive);
                if (!e.equals(n)) {
                    throw new IllegalStateException("engine and baseline disagree on " + size.lines() + " lines:\n"
                            + e + "\n" + n);
                }
            }
            rows.add(new Row(size.lines(), distinct, engine, naive));
        }
        return rows;
    }

    /**
     * Where the engine's time goes: each of its passes timed alone, precompiled, on the output of the passes before
     * it, over {@code count} lines (interleaved rounds, like the comparisons).
     */
    static List<Pass> passes(int count, int rounds) {
        List<String> lines = ErrorLines.generate(count, SEED);
        List<Pattern> compiled = new ArrayList<>();
        List<List<String>> inputs = new ArrayList<>();
        List<String> current = lines;
        for (String[] pass : NaiveMessagePatterns.PASSES) {
            Pattern p = Pattern.compile(pass[1]);
            compiled.add(p);
            inputs.add(current);
            current = current.stream().map(l -> p.matcher(l).replaceAll(pass[2])).toList();
        }
        List<Pass> out = new ArrayList<>();
        for (String[] pass : NaiveMessagePatterns.PASSES) {
            out.add(new Pass(pass[0], new Samples()));
        }
        for (int round = 0; round < rounds + 1; round++) {
            for (int i = 0; i < compiled.size(); i++) {
                Pattern p = compiled.get(i);
                String replacement = NaiveMessagePatterns.PASSES.get(i)[2];
                long t0 = System.nanoTime();
                int sink = 0;
                for (String l : inputs.get(i)) {
                    sink += p.matcher(l).replaceAll(replacement).length();
                }
                long t = System.nanoTime() - t0;
                if (sink == 0) {
                    throw new IllegalStateException("no output");
                }
                if (round > 0) {
                    out.get(i).nanos().add(t);
                }
            }
        }
        return out;
    }

    static String passesMarkdown(List<Pass> passes, int count) {
        long total = passes.stream().mapToLong(p -> p.nanos().median()).sum();
        MarkdownTable t = new MarkdownTable("pass (engine order)", "runs", "median per " + label(count) + " lines",
                "p90", "µs/line", "share of the passes");
        for (Pass p : passes) {
            t.row("`" + p.name() + "`", p.nanos().count(), MarkdownTable.ms(p.nanos().median()), MarkdownTable.p90(p.nanos()),
                    String.format(Locale.ROOT, "%.2f", p.nanos().median() / 1e3 / count),
                    String.format(Locale.ROOT, "%.0f%%", 100.0 * p.nanos().median() / total));
        }
        return t.render();
    }

    static String label(int lines) {
        return lines >= 1_000_000 ? lines / 1_000_000 + "M" : lines >= 1_000 ? lines / 1_000 + "k" : String.valueOf(lines);
    }

    /** Fails unless both group every line the same way; returns how many patterns the lines make. */
    private static int sameGrouping(List<String> lines) {
        List<String> sample = lines.subList(0, Math.min(lines.size(), 10_000));
        List<String> e = engineAll(sample);
        List<String> n = naiveAll(sample);
        if (!e.equals(n)) {
            throw new IllegalStateException("NaiveMessagePatterns no longer matches runbook.MessagePatterns: copy its "
                    + "patterns again.\nengine:   " + e + "\nbaseline: " + n);
        }
        return e.size();
    }

    private static List<String> measure(com.sun.management.ThreadMXBean threads, Measured into, List<String> lines,
                                        Function<List<String>, List<String>> grouping) {
        long gc0 = gcMillis();
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        List<String> result = grouping.apply(lines);
        long t1 = System.nanoTime();
        long bytes1 = threads.getCurrentThreadAllocatedBytes();
        into.nanos().add(t1 - t0);
        into.bytes().add(bytes1 - bytes0);
        into.gcMillis().add(gcMillis() - gc0);
        return result;
    }

    /** Time the collectors report so far (G1: young and mixed pauses plus concurrent cycles). */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static List<String> engine(List<String> lines) {
        return MessagePatterns.top(lines, TOP).stream().map(c -> c.count() + "x " + c.pattern()).toList();
    }

    private static List<String> naive(List<String> lines) {
        return NaiveMessagePatterns.top(lines, TOP).stream().map(c -> c.getValue() + "x " + c.getKey()).toList();
    }

    private static List<String> engineAll(List<String> lines) {
        return MessagePatterns.top(lines, Integer.MAX_VALUE).stream().map(c -> c.count() + "x " + c.pattern()).toList();
    }

    private static List<String> naiveAll(List<String> lines) {
        return NaiveMessagePatterns.top(lines, Integer.MAX_VALUE).stream().map(c -> c.getValue() + "x " + c.getKey())
                .toList();
    }

    static String markdown(List<Row> rows, BarChart chart) {
        MarkdownTable t = new MarkdownTable("scenario", "runs", "median", "p90", "lines/s", "bytes/line", "GC",
                "time ratio vs baseline", "throughput vs baseline", "allocation vs baseline");
        for (Row r : rows) {
            String n = label(r.lines());
            t.row(n + " lines, naive `String.replaceAll` (baseline)", r.naive().nanos().count(),
                    MarkdownTable.ms(r.naive().nanos().median()), MarkdownTable.p90(r.naive().nanos()),
                    MarkdownTable.count(r.naive().linesPerSecond(r.lines())), perLine(r.naive(), r.lines()),
                    gc(r.naive()), "1.00x", "1.00x", "1.00x");
            t.row(n + " lines, engine `MessagePatterns.top`", r.engine().nanos().count(),
                    MarkdownTable.ms(r.engine().nanos().median()), MarkdownTable.p90(r.engine().nanos()),
                    MarkdownTable.count(r.engine().linesPerSecond(r.lines())), perLine(r.engine(), r.lines()),
                    gc(r.engine()), MarkdownTable.ratio((double) r.engine().nanos().median() / r.naive().nanos().median()),
                    MarkdownTable.ratio(r.engine().linesPerSecond(r.lines()) / r.naive().linesPerSecond(r.lines())),
                    MarkdownTable.ratio((double) r.engine().bytes().median() / r.naive().bytes().median()));
            chart.category(n + " lines");
            chart.value("engine", r.engine().linesPerSecond(r.lines()));
            chart.value("naive baseline", r.naive().linesPerSecond(r.lines()));
        }
        StringBuilder out = new StringBuilder(t.render());
        Row first = rows.get(0);
        out.append(String.format(Locale.ROOT, "%nThe lines group into %d patterns (%s lines checked line by line: "
                + "engine and baseline agree; every measured run's top %d agree too). bytes/line = median of the "
                + "measuring thread's allocated bytes per run / lines; GC = the collectors' reported time during a run (median). A health check reads at most 10,000 ERROR "
                + "events, so its grouping costs about the 10k row's median.%n", first.distinctPatterns(),
                label(Math.min(first.lines(), 10_000)), TOP));
        return out.toString();
    }

    /** Median GC time of a run and its share of the median run (collector time, incl. concurrent cycles). */
    private static String gc(Measured m) {
        return String.format(Locale.ROOT, "%d ms (%.0f%%)", m.gcMillis().median(),
                100.0 * m.gcMillis().median() * 1e6 / m.nanos().median());
    }

    private static String perLine(Measured m, int lines) {
        return String.format(Locale.ROOT, "%,d", m.bytes().median() / lines);
    }

    static String headline(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (Row r : rows) {
            parts.add(String.format(Locale.ROOT, "%s lines %.1fx the baseline's throughput, %.2fx its bytes/line",
                    label(r.lines()),
                    r.engine().linesPerSecond(r.lines()) / r.naive().linesPerSecond(r.lines()),
                    (double) r.engine().bytes().median() / r.naive().bytes().median()));
        }
        return "message patterns: " + String.join("; ", parts);
    }
}
