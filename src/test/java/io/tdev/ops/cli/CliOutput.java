package io.tdev.ops.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What command lines printed in a test, out and err apart: each run starts empty, or all runs add up. */
public final class CliOutput {
    private final boolean freshEachRun;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private CliOutput(boolean freshEachRun) {
        this.freshEachRun = freshEachRun;
    }

    /** Holds only what the latest run printed. */
    public static CliOutput ofLatestRun() {
        return new CliOutput(true);
    }

    /** Holds what every run of the test printed, in order. */
    public static CliOutput ofAllRuns() {
        return new CliOutput(false);
    }

    /** Runs {@code cli} with its out and err captured here; returns its exit code. */
    public int run(CommandLine cli, String... args) {
        if (freshEachRun) {
            out = new StringWriter();
            err = new StringWriter();
        }
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }
}
