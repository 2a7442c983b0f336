package io.tdev.ops.health.signal;

import io.tdev.ops.health.ErrorThresholds;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.MessagePatterns;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.support.Durations;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * ERROR log events in the check's window against {@link ErrorThresholds}, with their top message patterns (which the
 * check's result carries too: {@link #topPatterns()}).
 */
public final class ErrorLogsSignal extends ScopedSignal {
    public static final String NAME = "error-logs";
    private static final int MAX_ERROR_EVENTS = 10_000;
    private final AtomicReference<List<MessagePatterns.Count>> topPatterns = new AtomicReference<>(List.of());

    public ErrorLogsSignal(CheckScope scope) {
        super(NAME, scope, false);
    }

    /** The top patterns of the last read, none before it (or when it was not read). */
    public List<MessagePatterns.Count> topPatterns() {
        return topPatterns.get();
    }

    @Override
    public HealthSignal read() {
        Instant now = scope.now;
        Instant from = now.minus(scope.window);
        String logGroup = scope.config.logGroup();
        LogEvents events = scope.ctx.retry().call(() ->
                scope.ctx.ports().logs().filter(logGroup, "ERROR", from, now, MAX_ERROR_EVENTS));
        int count = events.events().size();
        List<MessagePatterns.Count> top = MessagePatterns.top(
                events.events().stream().map(LogEvent::message).toList(), scope.config.health().topPatterns());
        topPatterns.set(top);
        ErrorThresholds thresholds = ErrorThresholds.forWindow(scope.config.health(), scope.window);
        SignalStatus status = thresholds.statusOf(count);
        String value = (events.truncated() ? "at least " : "") + count + " ERROR events in "
                + Durations.format(scope.window);
        String evidence = top.isEmpty() ? "no ERROR events in " + logGroup
                : logGroup + " top patterns: " + top.stream()
                .map(c -> c.count() + "x " + c.pattern()).collect(Collectors.joining(" | "));
        return new HealthSignal(NAME, status, value, thresholds.description(), evidence, false);
    }
}
