package io.tdev.ops.cli;

import io.tdev.ops.api.ToolVersion;

/**
 * The jar's entry point ({@code Main-Class}): answers {@code --version} / {@code -V} alone with only this class and
 * {@link ToolVersion} loaded from the jar, else hands the words to {@link Main}, whose verification first loads the
 * picocli types its handlers name (10 classes from the jar for {@code --version} instead of 2; the JVM's own start
 * is the rest of the time, docs/benchmarks.md).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(versionLine());
            return;
        }
        EnvironmentSessions.warmUpFor(args);
        Main.main(args);
    }

    /** What {@code tdev-ops --version} prints, picocli's {@link Version} included. */
    static String versionLine() {
        return "tdev-ops " + ToolVersion.current();
    }
}
