package io.tdev.ops.sim;

import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.LogGroup;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.port.Logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * CloudWatch Logs: the service's log group fills with what the running tasks write (INFO lines, agent
 * execution times, the odd ERROR, security warnings; many ERRORs from tasks of a bad image). The day before
 * the simulation began is written at set-up, so that 24-hour searches find something.
 */
final class SimLogs implements Logs {
    static final Duration HISTORY = Duration.ofHours(26);

    private static final double PER_MINUTE = 1.0 / 60;
    private static final double INFO_RATE = 1 * PER_MINUTE;
    private static final double BACKGROUND_ERROR_RATE = 2.0 / 3600;
    private static final double AUTH_FAILED_RATE = 6.0 / 86400;
    private static final double RATE_LIMIT_RATE = 10.0 / 86400;
    private static final double CRASHING_ERROR_RATE = 30 * PER_MINUTE;
    private static final double ERRORING_ERROR_RATE = 12 * PER_MINUTE;
    private static final double FAILING_AGENT_RATE = 2 * PER_MINUTE;

    private final SimWorld world;
    private final List<LogEvent> events = new ArrayList<>();
    /** Lines of tasks that died in the current step, merged in time order by {@link #emit}. */
    private final List<LogEvent> crashLines = new ArrayList<>();
    private final Map<String, Integer> retention = new LinkedHashMap<>();
    private final Map<String, Long> storedBytes = new HashMap<>();
    final Map<String, Double> agentSeconds = new LinkedHashMap<>();

    SimLogs(SimWorld world) {
        this.world = world;
        String env = world.config.name();
        group(world.config.logGroup(), null, 2_318_402_112L);
        group("/aws/lambda/t-developer-cleanup-" + env, 14, 48_201_344L);
        group("/aws/ecs/containerinsights/" + world.config.ecs().cluster() + "/performance", 1, 912_004_096L);
        group("/aws/codebuild/t-developer-backend-" + env, null, 301_466_880L);
        for (int i = 0; i < LogLines.AGENTS.size(); i++) {
            agentSeconds.put(LogLines.AGENTS.get(i), LogLines.AGENT_SECONDS[i]);
        }
    }

    void group(String name, Integer retentionDays, long bytes) {
        retention.put(name, retentionDays);
        storedBytes.put(name, bytes);
    }

    /** Writes the quiet day before the simulation began. */
    void writeHistory(List<String> streams) {
        Random r = new Random(world.seed ^ 0x5eedL);
        Instant from = world.epoch.minus(HISTORY);
        List<LogEvent> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(world.epoch); t = t.plusSeconds(5)) {
            String stream = streams.get(r.nextInt(streams.size()));
            emitQuiet(r, t, 5, stream, out);
        }
        out.sort(Comparator.comparing(LogEvent::timestamp));
        events.addAll(out);
    }

    void emit(Instant now, Duration dt) {
        double seconds = dt.toMillis() / 1000.0;
        Random r = world.random;
        List<LogEvent> out = new ArrayList<>(crashLines);
        crashLines.clear();
        List<SimTask> serving = world.ecs.tasks().stream().filter(SimTask::running)
                .filter(t -> t.behaviour != TaskBehaviour.CRASHING).toList();
        if (!serving.isEmpty()) {
            emitQuiet(r, now.minus(dt), seconds, stream(serving.get(r.nextInt(serving.size()))), out);
        }
        for (SimTask t : world.ecs.tasks()) {
            if (!t.running() || t.behaviour == TaskBehaviour.GOOD) {
                continue;
            }
            double rate = t.behaviour == TaskBehaviour.CRASHING ? CRASHING_ERROR_RATE : ERRORING_ERROR_RATE;
            for (int i = times(r, rate * seconds); i > 0; i--) {
                out.add(new LogEvent(at(r, now.minus(dt), seconds), stream(t), LogLines.failureError(r)));
            }
        }
        out.sort(Comparator.comparing(LogEvent::timestamp));
        events.addAll(out);
    }

    /**
     * {@code count} lines of {@code kind} ({@code authentication failed} or {@code rate_limit_exceeded}) spread over
     * {@code over} before the start, most of them from the first of {@code sources}: an attack in the history.
     */
    void burst(String kind, int count, Duration over, List<String> sources) {
        Random r = new Random(world.seed ^ kind.hashCode());
        List<String> streams = events.stream().map(LogEvent::logStream).distinct().limit(3).toList();
        Instant from = world.epoch.minus(over);
        for (int i = 0; i < count; i++) {
            String source = sources.get(r.nextDouble() < 0.7 ? 0 : r.nextInt(sources.size()));
            String message = kind.equals("rate_limit_exceeded") ? LogLines.rateLimitExceeded(r, source)
                    : LogLines.authenticationFailed(r, source);
            Instant at = from.plusMillis((long) (r.nextDouble() * over.toMillis()));
            events.add(new LogEvent(at, streams.isEmpty() ? "ecs/t-developer-backend/burst" : streams.get(i % streams.size()), message));
        }
        events.sort(Comparator.comparing(LogEvent::timestamp));
    }

    /** What the dying task's last lines say about the jobs it held. */
    void taskCrashed(SimTask t, Instant now, int generationsLost) {
        Random r = world.random;
        for (int i = 0; i < generationsLost; i++) {
            crashLines.add(new LogEvent(now.minusMillis(1 + i), stream(t), "ERROR Generation failed for project " + LogLines.uuid(r)
                    + ": worker task " + t.shortId() + " stopped (Essential container in task exited, exit code 137)"));
        }
    }

    private void emitQuiet(Random r, Instant start, double seconds, String stream, List<LogEvent> out) {
        for (int i = times(r, INFO_RATE * seconds); i > 0; i--) {
            out.add(new LogEvent(at(r, start, seconds), stream, LogLines.info(r)));
        }
        for (int i = times(r, world.generationsPerMinute * PER_MINUTE * seconds); i > 0; i--) {
            String agent = LogLines.AGENTS.get(r.nextInt(LogLines.AGENTS.size()));
            double mean = agentSeconds.get(agent) * (world.cacheStale ? world.cacheSlowdown : 1);
            double value = Math.max(0.05, mean * (0.7 + 0.6 * r.nextDouble()));
            Instant t = at(r, start, seconds);
            Instant failingSince = world.failingAgents.get(agent);
            if (failingSince != null && !t.isBefore(failingSince) && r.nextDouble() < 0.7) {
                out.add(new LogEvent(t, stream, LogLines.agentFailure(r, agent)));
            } else {
                out.add(new LogEvent(t, stream, LogLines.executionTime(r, agent, value)));
            }
        }
        // a failing agent's callers retry it: about two failed calls a minute besides the generations' own
        for (var failing : world.failingAgents.entrySet()) {
            for (int i = times(r, FAILING_AGENT_RATE * seconds); i > 0; i--) {
                Instant t = at(r, start, seconds);
                if (!t.isBefore(failing.getValue())) {
                    out.add(new LogEvent(t, stream, LogLines.agentFailure(r, failing.getKey())));
                }
            }
        }
        for (int i = times(r, BACKGROUND_ERROR_RATE * seconds); i > 0; i--) {
            out.add(new LogEvent(at(r, start, seconds), stream, LogLines.backgroundError(r)));
        }
        for (int i = times(r, AUTH_FAILED_RATE * seconds); i > 0; i--) {
            out.add(new LogEvent(at(r, start, seconds), stream, LogLines.authenticationFailed(r)));
        }
        for (int i = times(r, RATE_LIMIT_RATE * seconds); i > 0; i--) {
            out.add(new LogEvent(at(r, start, seconds), stream, LogLines.rateLimitExceeded(r)));
        }
    }

    /** A whole number of events for an expected (fractional) count. */
    private static int times(Random r, double expected) {
        int n = (int) expected;
        return n + (r.nextDouble() < expected - n ? 1 : 0);
    }

    private static Instant at(Random r, Instant start, double seconds) {
        return start.plusMillis((long) (r.nextDouble() * seconds * 1000));
    }

    static String stream(SimTask t) {
        return "ecs/t-developer-backend/" + t.id;
    }

    // ---- the port ----------------------------------------------------------------------------------------

    @Override
    public LogEvents filter(String logGroup, String filterPattern, Instant from, Instant to, int maxEvents) {
        Logs.requireFilter(from, to, maxEvents);
        // one call however many pages: the adapter's pages are its business, the port's answer is the same
        return world.call(Api.FILTER_LOG_EVENTS, () -> {
            requireGroup(Api.FILTER_LOG_EVENTS, "log group", logGroup, "logGroup", List.of(logGroup));
            LogFilterPattern pattern = LogFilterPattern.parse(filterPattern);
            List<LogEvent> found = new ArrayList<>();
            boolean truncated = false;
            List<LogEvent> all = eventsOf(logGroup, from, to);
            for (int i = firstAtOrAfter(all, from); i < all.size(); i++) {
                LogEvent e = all.get(i);
                if (!e.timestamp().isBefore(to)) {
                    break;
                }
                if (!pattern.test(e.message())) {
                    continue;
                }
                if (found.size() == maxEvents) {
                    truncated = true;
                    break;
                }
                found.add(e);
            }
            return new LogEvents(found, truncated);
        });
    }

    @Override
    public List<Map<String, String>> insights(List<String> logGroups, String query, Instant from, Instant to) {
        Logs.requireQueryGroups(logGroups);
        return world.call(Api.START_QUERY, () -> {
            requireGroup(Api.START_QUERY, "log groups", String.join(", ", logGroups), null, logGroups);
            return query(logGroups, query, from, to);
        });
    }

    /** Like AWS: every group under the prefixes, fleet services' included, at most five prefixes a query. */
    @Override
    public List<Map<String, String>> insightsUnder(List<String> namePrefixes, String query, Instant from, Instant to) {
        Logs.requireQueryPrefixes(namePrefixes);
        return world.call(Api.START_QUERY, () -> query(groupNames().stream()
                .filter(g -> namePrefixes.stream().anyMatch(g::startsWith)).toList(), query, from, to));
    }

    /** The query over the events of {@code groups} in [from, to); {@code @log} is "ACCOUNT:GROUP" as in AWS. */
    private List<Map<String, String>> query(List<String> groups, String query, Instant from, Instant to) {
        List<LogEvent> in = new ArrayList<>();
        Map<LogEvent, String> groupOf = new java.util.IdentityHashMap<>();
        for (String g : groups) {
            eventsOf(g, from, to).stream().filter(e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to))
                    .forEach(e -> {
                        in.add(e);
                        groupOf.put(e, SimWorld.ACCOUNT + ":" + g);
                    });
        }
        return InsightsQuery.parse(query).run(in, groupOf::get);
    }

    /** Like DescribeLogGroups: every group of the account under the prefix, the fleet services' included, by name. */
    @Override
    public List<LogGroup> logGroups(String namePrefix) {
        return world.call(Api.DESCRIBE_LOG_GROUPS, () -> groupNames().stream()
                .filter(name -> namePrefix == null || name.startsWith(namePrefix))
                .map(name -> new LogGroup(name, retention.get(name), storedBytes.getOrDefault(name, 0L)))
                .toList());
    }

    /** Every log group of the account, by name: the environment's and the fleet services'. */
    private java.util.SortedSet<String> groupNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(retention.keySet());
        names.addAll(world.fleet.logGroups());
        return names;
    }

    @Override
    public void putRetention(String logGroup, int days) {
        Logs.requireRetentionDays(days);
        world.exec(Api.PUT_RETENTION_POLICY, () -> {
            requireGroup(Api.PUT_RETENTION_POLICY, "log group", logGroup, null, List.of(logGroup));
            retention.put(logGroup, days);
        });
    }

    /** Events are kept in time order: binary search for the first one at or after {@code from}. */
    private static int firstAtOrAfter(List<LogEvent> events, Instant from) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).timestamp().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The environment's events, or a fleet service's ERRORs in [from, to) (time order either way). */
    private List<LogEvent> eventsOf(String group, Instant from, Instant to) {
        if (world.fleet.hasLogGroup(group)) {
            return world.fleet.errorEvents(group, from, to);
        }
        return group.equals(world.config.logGroup()) ? events : List.of();
    }

    /**
     * CloudWatch Logs' ResourceNotFoundException for a call about {@code groups}, reported as the AWS adapter reports
     * it: the {@code kind} and {@code name} the call was about, the config field that set it, what to check.
     */
    private void requireGroup(String api, String kind, String name, String configField, List<String> groups) {
        if (groups.stream().allMatch(g -> retention.containsKey(g) || world.fleet.hasLogGroup(g))) {
            return;
        }
        throw new PreconditionFailedException(kind + " '" + name + "'"
                + (configField != null ? " (environment config field " + configField + ")" : "") + " was not found ("
                + api + ": ResourceNotFoundException: The specified log group does not exist.); "
                + (configField != null ? "check " + configField + " in the environment config" : "check the name you gave")
                + " and the region/account you are using");
    }

    // ---- for tests ------------------------------------------------------------------------------------------

    List<LogEvent> events() {
        return events;
    }

    Map<String, Integer> retentions() {
        return retention;
    }
}
