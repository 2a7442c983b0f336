package io.tdev.ops.cli;

import io.tdev.ops.api.Progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Progress lines on stderr, stamped with the environment's clock: wall time against AWS, virtual time in the
 * simulation (known only once the environment is open, hence {@link #clock(Clock)}).
 */
final class ProgressLines implements Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintWriter err;
    private volatile Clock clock = Clock.systemUTC();

    ProgressLines(PrintWriter err) {
        this.err = err;
    }

    void clock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void report(String line) {
        synchronized (err) {
            err.println("[" + TIME.format(clock.instant()) + "] " + line);
            err.flush();
        }
    }
}
