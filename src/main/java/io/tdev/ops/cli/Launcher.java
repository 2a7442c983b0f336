package io.tdev.ops.cli;

import io.tdev.ops.api.ToolVersion;

/**
 * The jar's entry point ({@code Main-Class}): answers {@code --version} / {@code -V} alone with only this class and
 * {@link ToolVersion} loaded, else hands the words to {@link Main}. {@link Main} itself cannot answer it as cheaply:
 * loading it links picocli's exception types (its handlers), ~60 classes before the first line of {@code main}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(versionLine());
            return;
        }
        Main.main(args);
    }

    /** What {@code tdev-ops --version} prints, picocli's {@link Version} included. */
    static String versionLine() {
        return "tdev-ops " + ToolVersion.current();
    }
}
