package io.tdev.ops.port;

import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.LogGroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudWatch Logs. */
public interface Logs {
    /**
     * Events matching a CloudWatch Logs filter pattern (e.g. {@code ERROR}, {@code "authentication failed"})
     * in [from, to), oldest first, at most {@code maxEvents}; {@code truncated} when more may exist.
     */
    LogEvents filter(String logGroup, String filterPattern, Instant from, Instant to, int maxEvents);

    /** Runs a Logs Insights query and returns its result rows (field name to value). */
    List<Map<String, String>> insights(List<String> logGroups, String query, Instant from, Instant to);

    List<LogGroup> logGroups(String namePrefix);

    void putRetention(String logGroup, int days);
}
