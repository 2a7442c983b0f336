package io.tdev.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's main command as a new user runs it, {@code ./mvnw -B -q -Dmaven.test.skip=true package && bin/tdev-ops
 * demo}, timed end to end with the Maven cache as it is (warm on a machine that built before), plus the warnings
 * the build printed. It runs in a fresh copy of the checkout's tracked files (no {@code target/}: everything is
 * compiled, as after a clone), then packages the checkout itself, untimed, for the CLI bench that follows.
 */
final class FirstRunBench {
    static final String COMMAND = "./mvnw -B -q -Dmaven.test.skip=true package && bin/tdev-ops demo";
    private static final String PACKAGE = "./mvnw -B -q -Dmaven.test.skip=true package";

    record Result(long buildNanos, long totalNanos, int exitCode, long warnings, Path log) {
    }

    Result run(Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("first-run.log").toAbsolutePath();
        Path checkout = Path.of("").toAbsolutePath();
        Path clone = Files.createTempDirectory("tdev-ops-first-run");
        try {
            copyTrackedFiles(checkout, clone);
            long t0 = System.nanoTime();
            int build = new ProcessBuilder("sh", "-c", PACKAGE).directory(clone.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
            long t1 = System.nanoTime();
            int demo = build != 0 ? build : new ProcessBuilder("sh", "bin/tdev-ops", "demo").directory(clone.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start()
                    .waitFor();
            long t2 = System.nanoTime();
            List<String> lines = Files.readAllLines(log);
            long warnings = lines.stream().filter(l -> l.startsWith("[WARNING]")).count();
            // the jar and CDS archive the CLI bench starts are the checkout's (an archive names its jar's path)
            int packaged = new ProcessBuilder("sh", "-c", PACKAGE).directory(checkout.toFile()).inheritIO().start().waitFor();
            if (packaged != 0) {
                throw new IllegalStateException(PACKAGE + " failed in " + checkout + " (exit " + packaged + ")");
            }
            return new Result(t1 - t0, t2 - t0, demo, warnings, log);
        } finally {
            deleteTree(clone);
        }
    }

    /** The files git tracks in {@code from}, as they are in the working tree (uncommitted edits included). */
    private static void copyTrackedFiles(Path from, Path to) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(from.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listed = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0 || listed.isEmpty()) {
            throw new IllegalStateException("git ls-files failed in " + from + ": the first run copies the tracked files");
        }
        for (String name : listed.split("\0")) {
            Path source = from.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted in the working tree, or a submodule / link
            }
            Path target = to.resolve(name);
            Files.createDirectories(target.getParent());
            // COPY_ATTRIBUTES keeps mvnw's and bin/tdev-ops' executable bit
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String markdown(Result r) {
        MarkdownTable t = new MarkdownTable("step", "wall", "exit", "[WARNING] lines");
        t.row("`" + PACKAGE + "` in a fresh copy of the checkout (compile, jar, shaded jar, CDS archive)",
                String.format("%.1f s", r.buildNanos() / 1e9), r.exitCode() == 0 ? "0" : String.valueOf(r.exitCode()),
                r.warnings());
        t.row("... `&& bin/tdev-ops demo` (the whole first run)", String.format("%.1f s", r.totalNanos() / 1e9),
                r.exitCode(), "");
        return t.render();
    }
}
