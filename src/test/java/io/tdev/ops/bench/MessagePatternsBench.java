package io.tdev.ops.bench;

import io.tdev.ops.health.MessagePatterns;
import io.tdev.ops.health.RegexMessageRules;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Grouping ERROR lines into message patterns, as the health check's error-logs signal does: throughput (lines/s)
 * and allocation (bytes per line, from the measuring thread's allocation counter) of the engine's single-scan
 * {@link MessagePatterns#top} against the regular-expression engine it replaced ({@link RegexMessageRules}, the
 * same rules precompiled, counted in a HashMap), the naive baseline ({@link NaiveMessagePatterns}: String.replaceAll
 * per line, 10k lines only) and, at the largest size, GNU sed with the same rules piped into
 * {@code sort | uniq -c} over the same lines in a file (with the engine reading that file too). Measured in the
 * same run, interleaved, after a check that every way groups the lines alike.
 */
final class MessagePatternsBench {
    private static final int TOP = 5;
    private static final long SEED = 20261126L;

    record Size(int lines, int warmups, int runs) {
    }

    /** cpuNanos: the process's user + system time during a run (the JVM's: every thread, JIT and GC included). */
    record Measured(Samples nanos, Samples bytes, Samples gcMillis, Samples cpuNanos) {
        Measured() {
            this(new Samples(), new Samples(), new Samples(), new Samples());
        }

        double linesPerSecond(int lines) {
            return lines / (nanos.median() / 1e9);
        }
    }

    /** One way of grouping at one size; {@code bytes} empty where allocation is not the JVM's (sed). */
    record Way(String name, Measured measured) {
    }

    record Row(int lines, int distinctPatterns, List<Way> ways, String sedAgreement) {
        Way way(String prefix) {
            return ways.stream().filter(w -> w.name().startsWith(prefix)).findFirst().orElse(null);
        }
    }

    /** One normalisation pass (precompiled) over lines already through the passes before it. */
    record Pass(String name, Samples nanos) {
    }

    static final String SCAN = "engine: single scan `MessagePatterns.top`";
    static final String REGEX = "regex engine (the rules precompiled, before this change)";
    static final String NAIVE = "naive `String.replaceAll` per line";
    static final String SED = "`sed -E` + `sort \\| uniq -c` on the file";
    static final String SCAN_FILE = "engine reading the same file";

    private static final Map<String, String> SHORT = Map.of(SCAN, "single scan", REGEX, "regex engine", NAIVE,
            "naive replaceAll", SED, "sed|sort|uniq -c", SCAN_FILE, "single scan from file");

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<Size> sizes;
    private final Path dir;

    MessagePatternsBench(List<Size> sizes, Path dir) {
        this.sizes = sizes;
        this.dir = dir;
    }

    List<Row> run() throws IOException, InterruptedException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        List<Row> rows = new ArrayList<>();
        int largest = sizes.stream().mapToInt(Size::lines).max().orElseThrow();
        for (Size size : sizes) {
            List<String> lines = ErrorLines.generate(size.lines(), SEED);
            int distinct = sameGrouping(lines);
            boolean naiveToo = size.lines() <= 10_000;
            boolean sedToo = size.lines() == largest && sedAvailable();
            Path file = null;
            Path script = null;
            if (sedToo) {
                file = dir.resolve("error-lines-" + label(size.lines()) + ".log");
                Files.write(file, lines, StandardCharsets.UTF_8);
                script = dir.resolve("message-patterns.sed");
                try (var in = MessagePatternsBench.class.getResourceAsStream("message-patterns.sed")) {
                    Files.write(script, in.readAllBytes());
                }
            }
            for (int i = 0; i < size.warmups(); i++) {
                scan(lines);
                regex(lines);
            }
            Measured scan = new Measured();
            Measured regex = new Measured();
            Measured naive = new Measured();
            Measured sed = new Measured();
            Measured scanFile = new Measured();
            String sedAgreement = null;
            for (int i = 0; i < size.runs(); i++) {
                List<String> s = measure(threads, scan, lines, MessagePatternsBench::scan);
                // the regex engine costs ~25 s per million lines here: one run at that size
                if (i == 0 || size.lines() < 1_000_000) {
                    List<String> r = measure(threads, regex, lines, MessagePatternsBench::regex);
                    agree(s, r, size, "regex engine");
                }
                if (naiveToo) {
                    agree(s, measure(threads, naive, lines, MessagePatternsBench::naive), size, "naive baseline");
                }
                if (sedToo) {
                    Path f = file;
                    agree(s, measure(threads, scanFile, lines, l -> fromFile(f)), size, "engine over the file");
                    if (i < 2) {
                        List<String> fromSed = sed(sed, script, file);
                        sedAgreement = sedAgreement(s, fromSed);
                    }
                }
            }
            List<Way> ways = new ArrayList<>();
            if (naiveToo) {
                ways.add(new Way(NAIVE, naive));
            }
            ways.add(new Way(REGEX, regex));
            if (sedToo) {
                ways.add(new Way(SED, sed));
                ways.add(new Way(SCAN_FILE, scanFile));
            }
            ways.add(new Way(SCAN, scan));
            rows.add(new Row(size.lines(), distinct, ways, sedAgreement));
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
        return rows;
    }

    private static void agree(List<String> engine, List<String> other, Size size, String what) {
        if (!engine.equals(other)) {
            throw new IllegalStateException("engine and " + what + " disagree on " + size.lines() + " lines:\n"
                    + engine + "\n" + other);
        }
    }

    private static boolean sedAvailable() {
        try {
            return new ProcessBuilder("sed", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** sed's top 5 as "count pattern" lines; its time goes into {@code into} (wall, whole pipeline). */
    private static List<String> sed(Measured into, Path script, Path file) throws IOException, InterruptedException {
        Path times = Files.createTempFile("tdev-ops-bench", ".times");
        String pipeline = "LC_ALL=C sed -E -f '" + script + "' '" + file + "' | LC_ALL=C sort | uniq -c | LC_ALL=C sort -rn"
                + " | head -" + TOP;
        long t0 = System.nanoTime();
        // the shell's times: its children's (the pipeline's processes') user and system time, on its second line
        Process p = new ProcessBuilder("sh", "-c", pipeline + "; times > '" + times + "'")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sed pipeline failed: " + pipeline);
        }
        into.nanos().add(System.nanoTime() - t0);
        into.cpuNanos().add(childrenCpuNanos(Files.readAllLines(times)));
        Files.delete(times);
        List<String> top = new ArrayList<>();
        for (String l : out.split("\n")) {
            String s = l.strip();
            if (!s.isEmpty()) {
                int sp = s.indexOf(' ');
                top.add(s.substring(0, sp) + "x " + s.substring(sp + 1));
            }
        }
        return top;
    }

    /** The children's user + system time from the output of sh's {@code times} ("0m35.340s 0m1.200s"). */
    static long childrenCpuNanos(List<String> times) {
        long total = 0;
        for (String part : times.get(times.size() - 1).strip().split("\\s+")) {
            int minutes = part.indexOf('m');
            total += Math.round((Long.parseLong(part.substring(0, minutes)) * 60
                    + Double.parseDouble(part.substring(minutes + 1, part.length() - 1))) * 1e9);
        }
        return total;
    }

    /** How many of the engine's top 5 (count and pattern) sed found too. */
    private static String sedAgreement(List<String> engine, List<String> sed) {
        long same = engine.stream().filter(sed::contains).count();
        return same + " of the engine's top " + engine.size() + " patterns with the same count"
                + (same == engine.size() ? "" : " (sed: " + sed + ")");
    }

    /**
     * Where the regex engine's time went: each of its passes timed alone, precompiled, on the output of the passes
     * before it, over {@code count} lines (interleaved rounds, like the comparisons).
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
        MarkdownTable t = new MarkdownTable("regex pass (rule order)", "runs", "median per " + label(count) + " lines",
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

    /** Fails unless every way groups every line alike (10k lines, all patterns); returns how many patterns. */
    private static int sameGrouping(List<String> lines) {
        List<String> sample = lines.subList(0, Math.min(lines.size(), 10_000));
        List<String> e = all(MessagePatterns.top(sample, Integer.MAX_VALUE).stream().map(c -> c.count() + "x " + c.pattern()).toList());
        List<String> r = all(top(sample, Integer.MAX_VALUE, RegexMessageRules::normalise));
        List<String> n = all(NaiveMessagePatterns.top(sample, Integer.MAX_VALUE).stream()
                .map(c -> c.getValue() + "x " + c.getKey()).toList());
        if (!e.equals(r) || !e.equals(n)) {
            throw new IllegalStateException("the engine, the regex engine and NaiveMessagePatterns no longer group alike: "
                    + "copy the rules again.\nengine:   " + e + "\nregex:    " + r + "\nbaseline: " + n);
        }
        return e.size();
    }

    private static List<String> all(List<String> l) {
        return l;
    }

    private static List<String> measure(com.sun.management.ThreadMXBean threads, Measured into, List<String> lines,
                                        Function<List<String>, List<String>> grouping) {
        long gc0 = gcMillis();
        long cpu0 = PROCESS.getProcessCpuTime();
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        List<String> result = grouping.apply(lines);
        long t1 = System.nanoTime();
        long bytes1 = threads.getCurrentThreadAllocatedBytes();
        into.cpuNanos().add(PROCESS.getProcessCpuTime() - cpu0);
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

    private static List<String> scan(List<String> lines) {
        return MessagePatterns.top(lines, TOP).stream().map(c -> c.count() + "x " + c.pattern()).toList();
    }

    private static List<String> fromFile(Path file) {
        MessagePatterns.Counter counter = new MessagePatterns.Counter();
        try (InputStream in = Files.newInputStream(file)) {
            counter.addLines(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return counter.top(TOP).stream().map(c -> c.count() + "x " + c.pattern()).toList();
    }

    /** How the engine grouped before the single scan: the rules' regular expressions, counted in a HashMap. */
    private static List<String> regex(List<String> lines) {
        return top(lines, TOP, RegexMessageRules::normalise);
    }

    private static List<String> top(List<String> lines, int limit, Function<String, String> normalise) {
        Map<String, Integer> counts = new HashMap<>();
        for (String l : lines) {
            counts.merge(normalise.apply(l), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> all = new ArrayList<>(counts.entrySet());
        all.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return all.subList(0, Math.min(limit, all.size())).stream().map(e -> e.getValue() + "x " + e.getKey()).toList();
    }

    private static List<String> naive(List<String> lines) {
        return NaiveMessagePatterns.top(lines, TOP).stream().map(c -> c.getValue() + "x " + c.getKey()).toList();
    }

    static String markdown(List<Row> rows, BarChart chart) {
        MarkdownTable t = new MarkdownTable("lines", "grouped by", "runs", "median", "CPU (median)", "lines/s",
                "bytes/line", "GC", "throughput vs regex engine", "throughput vs sed", "sed's CPU / this CPU");
        for (Row r : rows) {
            String n = label(r.lines());
            Way regex = r.way(REGEX);
            Way sed = r.way(SED);
            chart.category(n + " lines");
            for (Way w : r.ways()) {
                Measured m = w.measured();
                boolean jvm = !w.name().equals(SED);
                t.row(n, w.name(), m.nanos().count(), MarkdownTable.ms(m.nanos().median()),
                        MarkdownTable.ms(m.cpuNanos().median()), MarkdownTable.count(m.linesPerSecond(r.lines())),
                        jvm ? String.format(Locale.ROOT, "%,d", m.bytes().median() / r.lines()) : "-",
                        jvm ? gc(m) : "-",
                        MarkdownTable.ratio(m.linesPerSecond(r.lines()) / regex.measured().linesPerSecond(r.lines())),
                        sed == null ? "" : MarkdownTable.ratio(m.linesPerSecond(r.lines()) / sed.measured().linesPerSecond(r.lines())),
                        sed == null ? "" : MarkdownTable.ratio((double) sed.measured().cpuNanos().median() / m.cpuNanos().median()));
                chart.value(SHORT.get(w.name()), m.linesPerSecond(r.lines()));
            }
        }
        StringBuilder out = new StringBuilder(t.render());
        Row first = rows.get(0);
        out.append(String.format(Locale.ROOT, "%nThe lines group into %d patterns (%s lines checked pattern by pattern: "
                        + "the engine, the regex engine and the naive baseline agree; every measured run's top %d agree "
                        + "too). bytes/line = median of the measuring thread's allocated bytes per run / lines (the engine's "
                        + "row over lines in memory: the grouping alone; reading the file adds only the read block); GC = the "
                        + "collectors' reported time during a run (median); CPU = the process's user + system time "
                        + "during a run (the JVM's with its JIT and GC threads; sed's: every process of the pipeline), "
                        + "which other processes' load inflates far less than the wall time. A health check reads at "
                        + "most 10,000 ERROR events.%n", first.distinctPatterns(), label(Math.min(first.lines(), 10_000)), TOP));
        for (Row r : rows) {
            if (r.sedAgreement() != null) {
                out.append(String.format(Locale.ROOT, "%nsed (`target/benchmarks/message-patterns.sed`, the same rules "
                        + "in POSIX ERE; lookaheads become marker passes) over %s lines: %s.%n", label(r.lines()),
                        r.sedAgreement()));
            }
        }
        return out.toString();
    }

    /** Median GC time of a run and its share of the median run (collector time, incl. concurrent cycles). */
    private static String gc(Measured m) {
        return String.format(Locale.ROOT, "%d ms (%.0f%%)", m.gcMillis().median(),
                100.0 * m.gcMillis().median() * 1e6 / m.nanos().median());
    }

    /** Goal 5 of issue 14, at the largest size of the run. */
    static List<RunAll.Goal> goals(List<Row> rows) {
        Row r = rows.get(rows.size() - 1);
        String n = label(r.lines()) + " lines";
        Measured scan = r.way(SCAN).measured();
        Measured regex = r.way(REGEX).measured();
        List<RunAll.Goal> goals = new ArrayList<>();
        double vsRegex = scan.linesPerSecond(r.lines()) / regex.linesPerSecond(r.lines());
        goals.add(new RunAll.Goal("5. pattern grouping vs the regex engine, " + n,
                MarkdownTable.count(scan.linesPerSecond(r.lines())) + " lines/s",
                MarkdownTable.count(regex.linesPerSecond(r.lines())) + " lines/s (regex engine)",
                MarkdownTable.ratio(vsRegex), ">= 5x", vsRegex >= 5));
        Way sed = r.way(SED);
        if (sed != null) {
            Measured file = r.way(SCAN_FILE).measured();
            double vsSed = file.linesPerSecond(r.lines()) / sed.measured().linesPerSecond(r.lines());
            double cpuVsSed = (double) sed.measured().cpuNanos().median() / file.cpuNanos().median();
            goals.add(new RunAll.Goal("5. pattern grouping vs `sed \\| sort \\| uniq -c`, " + n + " from the same file",
                    MarkdownTable.count(file.linesPerSecond(r.lines())) + " lines/s (in memory: "
                            + MarkdownTable.count(scan.linesPerSecond(r.lines())) + "); CPU "
                            + MarkdownTable.ms(file.cpuNanos().median()),
                    MarkdownTable.count(sed.measured().linesPerSecond(r.lines())) + " lines/s (sed); CPU "
                            + MarkdownTable.ms(sed.measured().cpuNanos().median()),
                    MarkdownTable.ratio(vsSed) + " (CPU time: " + MarkdownTable.ratio(cpuVsSed) + ")", ">= 10x",
                    vsSed >= 10));
        }
        long bytes = scan.bytes().median() / r.lines();
        goals.add(new RunAll.Goal("5. pattern grouping allocation, " + n, bytes + " bytes/line",
                regex.bytes().median() / r.lines() + " bytes/line (regex engine)",
                MarkdownTable.ratio((double) scan.bytes().median() / regex.bytes().median()), "<= 100 bytes/line",
                bytes <= 100));
        return goals;
    }

    static String headline(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (Row r : rows) {
            Way scan = r.way(SCAN);
            Way regex = r.way(REGEX);
            Way sed = r.way(SED);
            Way scanFile = r.way(SCAN_FILE);
            String s = String.format(Locale.ROOT, "%s lines %.1fx the regex engine's throughput, %d bytes/line",
                    label(r.lines()), scan.measured().linesPerSecond(r.lines()) / regex.measured().linesPerSecond(r.lines()),
                    scan.measured().bytes().median() / r.lines());
            if (sed != null) {
                s += String.format(Locale.ROOT, ", %.1fx sed | sort | uniq -c (%.1fx reading the same file)",
                        scan.measured().linesPerSecond(r.lines()) / sed.measured().linesPerSecond(r.lines()),
                        scanFile.measured().linesPerSecond(r.lines()) / sed.measured().linesPerSecond(r.lines()));
            }
            parts.add(s);
        }
        return "message patterns: " + String.join("; ", parts);
    }
}
