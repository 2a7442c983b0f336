package io.tdev.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's main command as a new user runs it, {@code ./mvnw -B -q -Dmaven.test.skip=true package && bin/tdev-ops
 * demo}, timed end to end with the Maven cache as it is (warm on a machine that built before), plus the warnings
 * the build printed. It rebuilds {@code target/tdev-ops.jar}: the harness runs it before anything else.
 */
final class FirstRunBench {
    static final String COMMAND = "./mvnw -B -q -Dmaven.test.skip=true package && bin/tdev-ops demo";

    record Result(long buildNanos, long totalNanos, int exitCode, long warnings, Path log) {
    }

    Result run(Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("first-run.log");
        long t0 = System.nanoTime();
        int build = new ProcessBuilder("sh", "-c", "./mvnw -B -q -Dmaven.test.skip=true package")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        long t1 = System.nanoTime();
        int demo = build != 0 ? build : new ProcessBuilder("sh", "bin/tdev-ops", "demo").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor();
        long t2 = System.nanoTime();
        List<String> lines = Files.readAllLines(log);
        long warnings = lines.stream().filter(l -> l.startsWith("[WARNING]")).count();
        return new Result(t1 - t0, t2 - t0, demo, warnings, log);
    }

    static String markdown(Result r) {
        MarkdownTable t = new MarkdownTable("step", "wall", "exit", "[WARNING] lines");
        t.row("`./mvnw -B -q -Dmaven.test.skip=true package` (compile, jar, shaded jar, CDS archive)",
                String.format("%.1f s", r.buildNanos() / 1e9), r.exitCode() == 0 ? "0" : String.valueOf(r.exitCode()),
                r.warnings());
        t.row("... `&& bin/tdev-ops demo` (the whole first run)", String.format("%.1f s", r.totalNanos() / 1e9),
                r.exitCode(), "");
        return t.render();
    }
}
