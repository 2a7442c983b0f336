package io.tdev.ops.port;

import io.tdev.ops.model.Checks;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.LogGroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs. The input rules CloudWatch Logs enforces are checked here, once, by every adapter before it
 * sends anything ({@code require...}), so the simulation and the AWS adapter refuse the same input the same way.
 */
public interface Logs {
    /**
     * Events matching a CloudWatch Logs filter pattern (e.g. {@code ERROR}, {@code "authentication failed"})
     * in [from, to), oldest first, at most {@code maxEvents} (the oldest ones, over as many of FilterLogEvents'
     * pages as that takes); {@code truncated} when more may exist.
     */
    LogEvents filter(String logGroup, String filterPattern, Instant from, Instant to, int maxEvents);

    /** Runs a Logs Insights query over 1 to {@link #MAX_QUERY_GROUPS} log groups and returns its result rows (field name to value). */
    List<Map<String, String>> insights(List<String> logGroups, String query, Instant from, Instant to);

    /**
     * Runs a Logs Insights query over every log group whose name starts with one of {@code namePrefixes} (at most
     * {@link #MAX_QUERY_PREFIXES}), in one query however many groups that is: how a fleet's hundreds of log groups are
     * counted without one query per 50 of them. Rows name their group in {@code @log} when the query groups by it.
     */
    List<Map<String, String>> insightsUnder(List<String> namePrefixes, String query, Instant from, Instant to);

    /** Log group name prefixes one query's {@code SOURCE logGroups(namePrefix: [...])} takes (CloudWatch Logs' limit). */
    int MAX_QUERY_PREFIXES = 5;

    /** Log group names StartQuery takes in {@code logGroupNames} (CloudWatch Logs' limit). */
    int MAX_QUERY_GROUPS = 50;

    /** The values PutRetentionPolicy accepts in {@code retentionInDays} (AWS API reference); anything else is refused. */
    List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
            2192, 2557, 2922, 3288, 3653);

    /** A log group name (AWS API reference, CreateLogGroup): also what a SOURCE prefix may hold, so it needs no quoting. */
    Pattern LOG_GROUP_NAME = Pattern.compile("[\\w/.#-]{1,512}");

    /** Log groups whose names start with {@code namePrefix} (every group when null), sorted by name, from every page. */
    List<LogGroup> logGroups(String namePrefix);

    void putRetention(String logGroup, int days);

    /** A filter's window and cap: [from, to) not empty, at least one event. */
    static void requireFilter(Instant from, Instant to, int maxEvents) {
        if (maxEvents < 1) {
            throw new InvalidInputException("maxEvents", "got " + maxEvents + "; allowed: 1 or more events");
        }
        Checks.range(from, to);
    }

    /** StartQuery's log group names: 1 to {@link #MAX_QUERY_GROUPS}. */
    static void requireQueryGroups(List<String> logGroups) {
        if (logGroups == null || logGroups.isEmpty() || logGroups.size() > MAX_QUERY_GROUPS) {
            throw new InvalidInputException("logGroups", "got " + (logGroups == null ? 0 : logGroups.size())
                    + "; allowed: 1 to " + MAX_QUERY_GROUPS + " log group names");
        }
    }

    /** 1 to {@link #MAX_QUERY_PREFIXES} prefixes, each of a log group name's characters (they go into the query text). */
    static void requireQueryPrefixes(List<String> namePrefixes) {
        if (namePrefixes == null || namePrefixes.isEmpty() || namePrefixes.size() > MAX_QUERY_PREFIXES) {
            throw new InvalidInputException("namePrefixes", "got " + (namePrefixes == null ? 0 : namePrefixes.size())
                    + "; allowed: 1 to " + MAX_QUERY_PREFIXES + " log group name prefixes");
        }
        for (String prefix : namePrefixes) {
            if (prefix == null || !LOG_GROUP_NAME.matcher(prefix).matches()) {
                throw new InvalidInputException("namePrefixes", "got '" + prefix + "'; allowed: 1-512 characters of"
                        + " a-z, A-Z, 0-9, '_', '-', '/', '.', '#'");
            }
        }
    }

    /** A retention PutRetentionPolicy would refuse (InvalidParameterException) is invalid input naming the allowed values. */
    static void requireRetentionDays(int days) {
        if (!RETENTION_DAYS.contains(days)) {
            throw InvalidInputException.notAllowed("retentionDays", days, RETENTION_DAYS);
        }
    }
}
