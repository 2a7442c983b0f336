package io.tdev.ops.security;

import io.tdev.ops.api.security.SecuritySignal;
import io.tdev.ops.api.security.SecurityStatus;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.port.Logs;
import io.tdev.ops.support.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts one kind of security event in the window and in the window before it, and names where most came from.
 * Thresholds are written per 24 hours and scaled to the window (at least 1). A count far above the previous
 * window's is a finding even below the threshold, once it is at least half of it: a quiet service that suddenly
 * sees failed logins is being probed.
 */
final class LogEventSignal {
    /** What one signal looks for: its name and the CloudWatch Logs filter pattern (the runbook's own words). */
    record Kind(String signal, String filterPattern, String label) {
    }

    static final Kind FAILED_LOGINS = new Kind("failed-logins", "\"authentication failed\"", "authentication failed");
    static final Kind RATE_LIMITED = new Kind("rate-limited", "rate_limit_exceeded", "rate_limit_exceeded");
    /** FilterLogEvents returns at most this many a call here; beyond, the count says "at least". */
    static final int MAX_EVENTS = 10_000;
    static final int TOP_SOURCES = 3;

    private final Logs logs;
    private final String logGroup;
    private final Retry retry;
    private final Instant now;
    private final Duration window;

    LogEventSignal(Logs logs, String logGroup, Retry retry, Instant now, Duration window) {
        this.logs = logs;
        this.logGroup = logGroup;
        this.retry = retry;
        this.now = now;
        this.window = window;
    }

    SecuritySignal read(Kind kind, int warningPerDay, int criticalPerDay, double surgeFactor) {
        Instant from = now.minus(window);
        LogEvents current = retry.call(() -> logs.filter(logGroup, kind.filterPattern(), from, now, MAX_EVENTS));
        LogEvents previous = retry.call(() -> logs.filter(logGroup, kind.filterPattern(), from.minus(window), from,
                MAX_EVENTS));
        long count = current.events().size();
        long before = previous.events().size();
        long warning = scaled(warningPerDay);
        long critical = scaled(criticalPerDay);
        SecurityStatus status = SecurityStatus.OK;
        String why = "below the thresholds";
        if (count >= critical) {
            status = SecurityStatus.CRITICAL;
            why = "critical";
        } else if (count >= warning) {
            status = SecurityStatus.WARNING;
            why = "above the warning threshold";
        } else if (count * 2 >= warning && count >= surgeFactor * Math.max(1, before)) {
            status = SecurityStatus.WARNING;
            why = "a surge: " + times(count, before) + " the previous window's";
        }
        String evidence = (current.truncated() ? "at least " : "") + count + " '" + kind.label() + "' events in "
                + hours() + " (previous " + hours() + ": " + (previous.truncated() ? "at least " : "") + before
                + "); " + why + " (warning " + warning + ", critical " + critical + ")"
                + (count > 0 ? "; top sources: " + SourceAddresses.top(current.events(), TOP_SOURCES) : "");
        return new SecuritySignal(kind.signal(), status, count, evidence);
    }

    /** A per-day threshold for this window, rounded up and at least 1. */
    private long scaled(int perDay) {
        return Math.max(1, (long) Math.ceil(perDay * window.toMinutes() / (24.0 * 60)));
    }

    private String hours() {
        return window.toHours() + " h";
    }

    private static String times(long count, long before) {
        return String.format(Locale.ROOT, "%.1fx", count / (double) Math.max(1, before));
    }
}
