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

    /**
     * Runs a Logs Insights query over every log group whose name starts with one of {@code namePrefixes} (at most
     * {@link #MAX_QUERY_PREFIXES}), in one query however many groups that is: how a fleet's hundreds of log groups are
     * counted without one query per 50 of them. Rows name their group in {@code @log} when the query groups by it.
     */
    List<Map<String, String>> insightsUnder(List<String> namePrefixes, String query, Instant from, Instant to);

    /** Log group name prefixes one query's {@code SOURCE logGroups(namePrefix: [...])} takes (CloudWatch Logs' limit). */
    int MAX_QUERY_PREFIXES = 5;

    List<LogGroup> logGroups(String namePrefix);

    void putRetention(String logGroup, int days);
}
