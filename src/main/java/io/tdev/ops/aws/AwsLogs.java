package io.tdev.ops.aws;

import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.LogGroup;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Logs;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Logs} on CloudWatch Logs: FilterLogEvents (paged by hand so that both an event cap and a page cap
 * bound the cost of a noisy window), Logs Insights StartQuery/GetQueryResults, DescribeLogGroups, PutRetentionPolicy.
 * <p>
 * {@code new AwsLogs(client)} uses a 20-page cap and {@link Polling#defaults()}.
 */
public final class AwsLogs implements Logs {
    /** FilterLogEvents' largest page (its {@code limit}). */
    private static final int MAX_PAGE_SIZE = 10_000;

    private final CloudWatchLogsClient client;
    private final int maxPages;
    private final Polling polling;

    public AwsLogs(CloudWatchLogsClient client) {
        this(client, 20, Polling.defaults());
    }

    /** @param maxPages FilterLogEvents pages read at most per {@link #filter} (a page may be empty yet have a next token) */
    public AwsLogs(CloudWatchLogsClient client, int maxPages, Polling polling) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1");
        }
        this.client = client;
        this.maxPages = maxPages;
        this.polling = polling;
    }

    @Override
    public LogEvents filter(String logGroup, String filterPattern, Instant from, Instant to, int maxEvents) {
        Logs.requireFilter(from, to, maxEvents);
        List<LogEvent> events = new ArrayList<>();
        String token = null;
        int pages = 0;
        boolean more;
        do {
            String pageToken = token;
            int wanted = Math.min(MAX_PAGE_SIZE, maxEvents - events.size());
            FilterLogEventsResponse page = ResourceCall.run("logs:FilterLogEvents", "log group", logGroup, "logGroup",
                    () -> client.filterLogEvents(r -> r.logGroupName(logGroup)
                            .filterPattern(filterPattern == null || filterPattern.isBlank() ? null : filterPattern)
                            .startTime(from.toEpochMilli())
                            .endTime(to.toEpochMilli() - 1) // endTime is inclusive; the port's window is [from, to)
                            .limit(wanted)
                            .nextToken(pageToken)));
            pages++;
            for (FilteredLogEvent e : page.events()) {
                if (events.size() < maxEvents) {
                    events.add(new LogEvent(Instant.ofEpochMilli(e.timestamp()), e.logStreamName(), e.message()));
                }
            }
            token = page.nextToken();
            more = token != null && !token.isEmpty();
        } while (more && events.size() < maxEvents && pages < maxPages);
        events.sort(Comparator.comparing(LogEvent::timestamp));
        return new LogEvents(events, more);
    }

    @Override
    public List<Map<String, String>> insights(List<String> logGroups, String query, Instant from, Instant to) {
        Logs.requireQueryGroups(logGroups);
        String groups = String.join(", ", logGroups);
        String queryId = ResourceCall.run("logs:StartQuery", "log groups", groups, null,
                () -> client.startQuery(r -> r.logGroupNames(logGroups).queryString(query)
                        .startTime(from.getEpochSecond()).endTime(to.getEpochSecond())).queryId());
        return results(queryId, groups);
    }

    /**
     * The groups are chosen in the query string ({@code SOURCE logGroups(namePrefix: [...])}, the way StartQuery
     * takes more than 50 log groups), and no log group parameter is sent: StartQuery takes either, not both.
     */
    @Override
    public List<Map<String, String>> insightsUnder(List<String> namePrefixes, String query, Instant from, Instant to) {
        Logs.requireQueryPrefixes(namePrefixes);
        String source = "SOURCE logGroups(namePrefix: ['" + String.join("', '", namePrefixes) + "']) | ";
        String groups = "log groups starting " + String.join(" or ", namePrefixes);
        String queryId = ResourceCall.run("logs:StartQuery", "log groups", groups, null,
                () -> client.startQuery(r -> r.queryString(source + query)
                        .startTime(from.getEpochSecond()).endTime(to.getEpochSecond())).queryId());
        return results(queryId, groups);
    }

    /** Polls GetQueryResults until the query is done; stops it when it outlasts the polling timeout. */
    private List<Map<String, String>> results(String queryId, String groups) {
        Polling.Wait wait = polling.start("Logs Insights query " + queryId, "logs:GetQueryResults");
        while (true) {
            GetQueryResultsResponse results = AwsCall.run("logs:GetQueryResults",
                    () -> client.getQueryResults(r -> r.queryId(queryId)));
            QueryStatus status = results.status();
            if (status == QueryStatus.COMPLETE) {
                return rows(results);
            }
            if (status == QueryStatus.FAILED || status == QueryStatus.CANCELLED || status == QueryStatus.TIMEOUT) {
                throw new RemoteFailureException("logs:GetQueryResults", "Logs Insights query " + queryId + " on "
                        + groups + " ended " + results.statusAsString(), status == QueryStatus.TIMEOUT);
            }
            if (wait.timedOut()) {
                stopQuietly(queryId);
                throw new RemoteFailureException("logs:GetQueryResults", "Logs Insights query " + queryId + " on "
                        + groups + " still " + results.statusAsString() + " after " + wait.waited().toSeconds() + "s of "
                        + polling.timeout().toSeconds() + "s; it was stopped. Narrow the time range or run again", true);
            }
            wait.pause(results.statusAsString(), () -> stopQuietly(queryId));
        }
    }

    private static List<Map<String, String>> rows(GetQueryResultsResponse results) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<ResultField> row : results.results()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (ResultField f : row) {
                if (!"@ptr".equals(f.field())) { // an opaque pointer to the event, of no use to a reader
                    fields.put(f.field(), f.value());
                }
            }
            rows.add(fields);
        }
        return rows;
    }

    /** A query left running keeps scanning (and costing) until its own 60-minute limit. */
    private void stopQuietly(String queryId) {
        try {
            AwsCall.run("logs:StopQuery", () -> client.stopQuery(r -> r.queryId(queryId)));
        } catch (RuntimeException ignored) {
            // the query may have just finished; the timeout reported to the caller is what matters
        }
    }

    @Override
    public List<LogGroup> logGroups(String namePrefix) {
        return AwsCall.run("logs:DescribeLogGroups", () -> client.describeLogGroupsPaginator(r -> r
                        .logGroupNamePrefix(namePrefix == null || namePrefix.isEmpty() ? null : namePrefix))
                .logGroups().stream()
                .map(g -> new LogGroup(g.logGroupName(), g.retentionInDays(),
                        g.storedBytes() == null ? 0L : g.storedBytes()))
                .toList());
    }

    @Override
    public void putRetention(String logGroup, int days) {
        Logs.requireRetentionDays(days);
        ResourceCall.exec("logs:PutRetentionPolicy", "log group", logGroup, null,
                () -> client.putRetentionPolicy(r -> r.logGroupName(logGroup).retentionInDays(days)));
    }
}
