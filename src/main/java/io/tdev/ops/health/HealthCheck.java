package io.tdev.ops.health;

import io.tdev.ops.support.Durations;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.change.StabilityCheck;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.LogEvent;
import io.tdev.ops.model.LogEvents;
import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.StorageUsage;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One verdict from many signals (runbook: daily health check, P0/P1 triage, post-deploy bake). Signals are read in
 * parallel, at most {@code health.parallelism} at once, each within its own timeout; a signal that fails or does
 * not answer in time is UNKNOWN, never HEALTHY. Verdict: any UNHEALTHY signal makes it UNHEALTHY, then any
 * UNKNOWN makes it UNKNOWN (an unread signal may hide a failure, so it outranks a known degradation), then any
 * DEGRADED; informational signals (S3 usage, yesterday's projects) never count.
 */
public final class HealthCheck {
    public static final String ECS_SERVICE = "ecs-service";
    public static final String ALARMS = "alarms";
    public static final String TARGET_HEALTH = "target-health";
    public static final String ERROR_LOGS = "error-logs";
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String S3_USAGE = "s3-usage";
    public static final String PROJECTS_YESTERDAY = "projects-yesterday";
    public static final List<String> SIGNALS = List.of(ECS_SERVICE, ALARMS, TARGET_HEALTH, ERROR_LOGS, CPU, MEMORY,
            S3_USAGE, PROJECTS_YESTERDAY);
    private static final List<String> INFORMATIONAL = List.of(S3_USAGE, PROJECTS_YESTERDAY);
    /** Utilisation is judged on the average of this window of one-minute averages. */
    static final Duration UTILISATION_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_ERROR_EVENTS = 10_000;
    /** "could not read: ecs:DescribeServices: why" → "could not read: why" (the cause, whichever call met it). */
    private static final java.util.regex.Pattern UNREAD_API =
            java.util.regex.Pattern.compile("^(could not read: )[a-z0-9-]+:[A-Za-z0-9]+: ");
    /**
     * A bucket without daily storage metrics is less than a day old (S3 publishes them for every bucket, free), so
     * one ListObjectsV2 page is enough to size it, and the check's cost stays bounded if that ever is not so.
     */
    static final int LISTING_CAP = 1000;

    private final OpsContext ctx;

    public HealthCheck(OpsContext ctx) {
        this.ctx = ctx;
    }

    public HealthResult run(HealthOptions options) {
        EnvironmentConfig config = ctx.config();
        List<String> names = options.signals().isEmpty() ? SIGNALS : options.signals().stream().distinct().toList();
        for (String n : names) {
            if (!SIGNALS.contains(n)) {
                throw InvalidInputException.notAllowed("signals", n, SIGNALS);
            }
        }
        Duration window = options.errorWindow() != null ? options.errorWindow()
                : Duration.ofMinutes(config.health().errorWindowMinutes());
        if (window.isNegative() || window.isZero()) {
            throw new InvalidInputException("windowMinutes", "must be 1 or more, got " + window.toMinutes());
        }
        Duration timeout = options.signalTimeout() != null ? options.signalTimeout()
                : Duration.ofSeconds(config.health().signalTimeoutSeconds());
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("signalTimeoutSeconds", "must be more than 0, got " + timeout.toMillis() + " ms");
        }
        Instant now = ctx.clock().instant();
        List<String> notes = BaselineTime.notes(options.baselineTime(), now);
        Readings readings = new Readings(now, window, options, names);

        Map<String, SignalReader> readers = new LinkedHashMap<>();
        readers.put(ECS_SERVICE, readings::ecsService);
        readers.put(ALARMS, readings::alarms);
        readers.put(TARGET_HEALTH, readings::targetHealth);
        readers.put(ERROR_LOGS, readings::errorLogs);
        readers.put(CPU, () -> readings.utilisation(CPU, "CPUUtilization", config.slo().cpuPercent()));
        readers.put(MEMORY, () -> readings.utilisation(MEMORY, "MemoryUtilization", config.slo().memoryPercent()));
        readers.put(S3_USAGE, readings::s3Usage);
        readers.put(PROJECTS_YESTERDAY, readings::projectsYesterday);

        List<HealthSignal> signals = readAll(names, readers, timeout, Math.max(1, config.health().parallelism()));
        List<String> reasons = new ArrayList<>();
        Verdict verdict = verdict(signals, reasons);
        ctx.progress().report("health of " + config.name() + ": " + verdict
                + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"));
        return new HealthResult(config.serviceRef(), config.name(), verdict, reasons, signals,
                readings.topPatterns.get() == null ? List.of() : readings.topPatterns.get(), now,
                options.baselineTime(), List.of(), notes, readings.rollout.get());
    }

    static Verdict verdict(List<HealthSignal> signals, List<String> reasons) {
        boolean unhealthy = false;
        boolean unknown = false;
        boolean degraded = false;
        // signals unread for one cause (no credentials: every read fails alike) are one reason, not one each
        Map<String, List<HealthSignal>> unknownByCause = new LinkedHashMap<>();
        for (HealthSignal s : signals) {
            if (s.informational() || s.status() == SignalStatus.INFO || s.status() == SignalStatus.HEALTHY
                    || s.status() == SignalStatus.NOT_APPLICABLE) {
                continue;
            }
            if (s.status() == SignalStatus.UNKNOWN) {
                unknownByCause.computeIfAbsent(UNREAD_API.matcher(s.evidence()).replaceFirst("$1"),
                        k -> new ArrayList<>()).add(s);
            } else {
                reasons.add(s.name() + " " + s.status() + ": " + s.value() + " (threshold " + s.threshold() + ")");
            }
            unhealthy |= s.status() == SignalStatus.UNHEALTHY;
            unknown |= s.status() == SignalStatus.UNKNOWN;
            degraded |= s.status() == SignalStatus.DEGRADED;
        }
        unknownByCause.forEach((cause, unread) -> reasons.add(unread.size() == 1
                ? unread.get(0).name() + " UNKNOWN: " + unread.get(0).value() + " (" + unread.get(0).evidence() + ")"
                : unread.stream().map(HealthSignal::name).collect(Collectors.joining(", "))
                + " UNKNOWN (" + cause + ")"));
        if (signals.stream().allMatch(s -> s.informational() || s.status() == SignalStatus.NOT_APPLICABLE)) {
            reasons.add("no signal that decides health was read");
            return Verdict.UNKNOWN;
        }
        return unhealthy ? Verdict.UNHEALTHY : unknown ? Verdict.UNKNOWN : degraded ? Verdict.DEGRADED : Verdict.HEALTHY;
    }

    @FunctionalInterface
    private interface SignalReader {
        HealthSignal read();
    }

    private List<HealthSignal> readAll(List<String> names, Map<String, SignalReader> readers, Duration timeout,
                                       int parallelism) {
        // Slots bound how many reads run at once; each slot hands its read to a worker so that it can stop
        // waiting after the timeout. A read that hangs keeps its (daemon) worker, but frees the slot.
        ExecutorService slots = Executors.newFixedThreadPool(Math.min(parallelism, names.size()), daemon("tdev-health-slot"));
        ExecutorService workers = Executors.newCachedThreadPool(daemon("tdev-health-read"));
        try {
            List<Future<HealthSignal>> futures = new ArrayList<>();
            for (String name : names) {
                SignalReader reader = readers.get(name);
                boolean informational = INFORMATIONAL.contains(name);
                futures.add(slots.submit(() -> {
                    HealthSignal signal = readOne(name, reader, informational, workers, timeout);
                    ctx.progress().report("signal " + name + ": " + signal.status() + " (" + signal.value() + ")");
                    return signal;
                }));
            }
            List<HealthSignal> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                out.add(await(names.get(i), futures.get(i), INFORMATIONAL.contains(names.get(i))));
            }
            return out;
        } finally {
            slots.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static HealthSignal readOne(String name, SignalReader reader, boolean informational,
                                        ExecutorService workers, Duration timeout) {
        Future<HealthSignal> f = workers.submit(reader::read);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return HealthSignal.unknown(name, "not read within " + Durations.format(timeout) + " (timed out)",
                    informational);
        } catch (ExecutionException e) {
            return HealthSignal.unknown(name, "could not read: " + describe(e.getCause()), informational);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return HealthSignal.unknown(name, "interrupted before it was read", informational);
        }
    }

    private static HealthSignal await(String name, Future<HealthSignal> f, boolean informational) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return HealthSignal.unknown(name, "could not read: " + describe(e.getCause()), informational);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthSignal.unknown(name, "interrupted before it was read", informational);
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof TdevException) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The signal reads of one check, sharing its time and options. */
    private final class Readings {
        private final Instant now;
        private final Duration window;
        private final HealthOptions options;
        private final ServiceRef ref;
        private final EnvironmentConfig config;
        final AtomicReference<List<MessagePatterns.Count>> topPatterns = new AtomicReference<>();
        final AtomicReference<EcsRollout> rollout = new AtomicReference<>(EcsRollout.UNREAD);
        // the ECS and target-health signals both need the service: one read per check serves both
        private final FutureTask<ServiceState> service;
        // every metric signal (cpu, memory, s3-usage) reads from one GetMetricData call per check
        private final MetricBatch metrics;

        Readings(Instant now, Duration window, HealthOptions options, List<String> names) {
            this.now = now;
            this.window = window;
            this.options = options;
            this.config = ctx.config();
            this.ref = config.serviceRef();
            this.service = new FutureTask<>(() -> ctx.retry().call(() -> ctx.ports().ecs().describeService(ref)));
            List<MetricQuery> queries = new ArrayList<>();
            if (names.contains(CPU)) {
                queries.add(utilisationQuery(CPU, "CPUUtilization"));
            }
            if (names.contains(MEMORY)) {
                queries.add(utilisationQuery(MEMORY, "MemoryUtilization"));
            }
            if (names.contains(S3_USAGE)) {
                queries.addAll(S3StorageMetrics.queries(config.bucket()));
            }
            // the daily storage datapoints need days of range; utilisation alone needs its window only
            Instant from = names.contains(S3_USAGE) ? S3StorageMetrics.from(now) : now.minus(UTILISATION_WINDOW);
            this.metrics = new MetricBatch(queries, from, now, ctx);
        }

        private MetricQuery utilisationQuery(String id, String metric) {
            return new MetricQuery(id, "AWS/ECS", metric,
                    Map.of("ClusterName", ref.cluster(), "ServiceName", ref.service()), "Average", Duration.ofMinutes(1));
        }

        /** The first caller reads; a caller arriving meanwhile waits for that read (interruptibly, for the signal timeout). */
        ServiceState service() {
            return SharedRead.get(service, "ecs:DescribeServices", ref + " to be described");
        }

        HealthSignal ecsService() {
            ServiceState s = service();
            String value = "running " + s.running() + "/" + s.desired() + ", pending " + s.pending() + ", "
                    + s.deployments().size() + " deployment(s) on " + s.taskDefinition();
            String threshold = "running = desired > 0, one COMPLETED deployment";
            List<String> evidence = new ArrayList<>();
            evidence.add("status " + s.status());
            for (Deployment d : s.deployments()) {
                evidence.add(d.status() + " " + d.taskDefinition() + " " + d.rolloutState() + " running " + d.running()
                        + "/" + d.desired() + (d.failedTasks() > 0 ? ", " + d.failedTasks() + " failed task(s)" : "")
                        + (d.rolloutStateReason() == null || d.rolloutStateReason().isBlank() ? ""
                        : " (" + d.rolloutStateReason() + ")"));
            }
            Optional<Deployment> failed = s.deployments().stream()
                    .filter(d -> d.rolloutState() == RolloutState.FAILED).findFirst();
            Optional<Deployment> rolledBack = s.deployments().stream()
                    .filter(StabilityCheck::circuitBreakerRollback).findFirst();
            // A rollback still running, or one of the deploy being checked (after the baseline), is a failure now;
            // a finished one without a baseline is history worth a DEGRADED; one from before the baseline is not news.
            boolean rollbackNow = rolledBack.filter(d -> d.rolloutState() == RolloutState.IN_PROGRESS
                    || (options.baselineTime() != null && d.createdAt() != null
                    && !d.createdAt().isBefore(options.baselineTime()))).isPresent();
            boolean rollbackHistory = !rollbackNow && rolledBack.isPresent() && options.baselineTime() == null;
            rollout.set(new EcsRollout(s.primaryDeployment().map(Deployment::rolloutState).orElse(RolloutState.UNKNOWN),
                    failed.isPresent(), rollbackNow && StabilityCheck.rolledBackByCircuitBreaker(rolledBack.get())));
            SignalStatus status;
            if (!"ACTIVE".equals(s.status())) {
                status = SignalStatus.UNHEALTHY;
                value = "service status " + s.status() + "; " + value;
            } else if (failed.isPresent()) {
                status = SignalStatus.UNHEALTHY;
                value = "deployment of " + failed.get().taskDefinition() + " FAILED; " + value;
            } else if (rollbackNow) {
                status = SignalStatus.UNHEALTHY;
                value = "circuit breaker rolled back; " + value;
            } else if (s.desired() == 0) {
                status = SignalStatus.UNHEALTHY;
                value = "desired count is 0; " + value;
            } else if (s.running() == 0) {
                status = SignalStatus.UNHEALTHY;
            } else if (s.running() < s.desired() || s.deploymentInProgress() || rollbackHistory) {
                status = SignalStatus.DEGRADED;
                if (rollbackHistory) {
                    value = "the last deployment was rolled back by the circuit breaker; " + value;
                }
            } else {
                status = SignalStatus.HEALTHY;
            }
            return new HealthSignal(ECS_SERVICE, status, value, threshold, String.join("; ", evidence), false);
        }

        HealthSignal alarms() {
            List<Alarm> inAlarm = ctx.retry().call(() ->
                    ctx.ports().alarms().alarms(config.alarmPrefix(), Optional.of(AlarmState.ALARM)));
            List<String> counted = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            for (Alarm a : inAlarm) {
                if (a.state() != AlarmState.ALARM) {
                    continue;
                }
                if (options.ignoreAlarms().contains(a.name())) {
                    excluded.add(a.name() + " (ignored)");
                } else if (options.baselineTime() != null && a.stateUpdatedAt() != null
                        && a.stateUpdatedAt().isBefore(options.baselineTime())) {
                    excluded.add(a.name() + " (in ALARM since " + a.stateUpdatedAt() + ", before the baseline)");
                } else {
                    counted.add(a.name() + (a.stateUpdatedAt() == null ? "" : " since " + a.stateUpdatedAt())
                            + (a.stateReason() == null ? "" : ": " + a.stateReason()));
                }
            }
            String evidence = (counted.isEmpty() ? "no alarm in ALARM" : String.join("; ", counted))
                    + (excluded.isEmpty() ? "" : "; not counted: " + String.join(", ", excluded));
            return new HealthSignal(ALARMS, counted.isEmpty() ? SignalStatus.HEALTHY : SignalStatus.UNHEALTHY,
                    counted.size() + " in ALARM", "0 alarms named " + config.alarmPrefix() + "* in ALARM", evidence,
                    false);
        }

        HealthSignal targetHealth() {
            List<String> groups = config.targetGroupArns() != null && !config.targetGroupArns().isEmpty()
                    ? config.targetGroupArns()
                    : service().targetGroupArns();
            if (groups.isEmpty()) {
                return new HealthSignal(TARGET_HEALTH, SignalStatus.NOT_APPLICABLE, "not applicable: no target groups",
                        "all targets healthy", "the service has no load balancer target group and none is configured"
                        + " (targetGroupArns), so there is no target health to read; not counted", false);
            }
            int healthy = 0;
            int counted = 0;
            List<String> bad = new ArrayList<>();
            for (String group : groups) {
                for (TargetHealthDescription t : ctx.retry().call(() -> ctx.ports().targetHealth().targetHealth(group))) {
                    if (t.state() == TargetState.DRAINING || t.state() == TargetState.UNUSED) {
                        continue;
                    }
                    counted++;
                    if (t.state() == TargetState.HEALTHY) {
                        healthy++;
                    } else {
                        bad.add(t.targetId() + ":" + t.port() + " " + t.state()
                                + (t.reason() == null ? "" : " " + t.reason())
                                + (t.description() == null ? "" : " (" + t.description() + ")"));
                    }
                }
            }
            SignalStatus status = counted == 0 || healthy == 0 ? SignalStatus.UNHEALTHY
                    : bad.isEmpty() ? SignalStatus.HEALTHY : SignalStatus.DEGRADED;
            String evidence = groups.size() + " target group(s)"
                    + (bad.isEmpty() ? "" : "; not healthy: " + String.join("; ", bad));
            return new HealthSignal(TARGET_HEALTH, status, healthy + "/" + counted + " healthy", "all targets healthy",
                    evidence, false);
        }

        HealthSignal errorLogs() {
            Instant from = now.minus(window);
            LogEvents events = ctx.retry().call(() ->
                    ctx.ports().logs().filter(config.logGroup(), "ERROR", from, now, MAX_ERROR_EVENTS));
            int count = events.events().size();
            List<MessagePatterns.Count> top = MessagePatterns.top(
                    events.events().stream().map(LogEvent::message).toList(), config.health().topPatterns());
            topPatterns.set(top);
            ErrorThresholds thresholds = ErrorThresholds.forWindow(config.health(), window);
            SignalStatus status = thresholds.statusOf(count);
            String value = (events.truncated() ? "at least " : "") + count + " ERROR events in "
                    + Durations.format(window);
            String evidence = top.isEmpty() ? "no ERROR events in " + config.logGroup()
                    : config.logGroup() + " top patterns: " + top.stream()
                    .map(c -> c.count() + "x " + c.pattern()).collect(Collectors.joining(" | "));
            return new HealthSignal(ERROR_LOGS, status, value, thresholds.description(), evidence, false);
        }

        HealthSignal utilisation(String name, String metric, double thresholdPercent) {
            // the batch may span days (for the storage metrics): judge the utilisation window's minutes only
            Instant windowStart = now.minus(UTILISATION_WINDOW);
            List<MetricPoint> points = metrics.series(name).points().stream()
                    .filter(p -> !p.at().isBefore(windowStart)).toList();
            if (points.isEmpty()) {
                return new HealthSignal(name, SignalStatus.UNKNOWN, "no data", "< " + percent(thresholdPercent),
                        "AWS/ECS " + metric + " has no datapoints in the last " + Durations.format(UTILISATION_WINDOW),
                        false);
            }
            MetricSeries s = new MetricSeries(name, points);
            double avg = s.average().orElse(0);
            String value = percent(avg) + " average over " + Durations.format(UTILISATION_WINDOW);
            String evidence = "AWS/ECS " + metric + " (1-minute averages): latest " + percent(s.latest().orElse(0))
                    + ", max " + percent(s.max().orElse(0)) + ", " + s.points().size() + " datapoints";
            return new HealthSignal(name, avg >= thresholdPercent ? SignalStatus.DEGRADED : SignalStatus.HEALTHY,
                    value, "< " + percent(thresholdPercent), evidence, false);
        }

        HealthSignal s3Usage() {
            Optional<StorageUsage> fromMetrics = S3StorageMetrics.usage(metrics.series(S3StorageMetrics.BYTES),
                    metrics.series(S3StorageMetrics.OBJECTS));
            StorageUsage u = fromMetrics.orElseGet(() ->
                    ctx.retry().call(() -> ctx.ports().storage().listedUsage(config.bucket(), LISTING_CAP)));
            return new HealthSignal(S3_USAGE, SignalStatus.INFO, (u.truncated() ? "at least " : "") + u.objects()
                    + " objects, " + bytes(u.bytes()), "informational", config.bucket() + " measured from " + u.source(), true);
        }

        HealthSignal projectsYesterday() {
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            Instant from = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = today.atStartOfDay(ZoneOffset.UTC).toInstant();
            EnvironmentConfig.TableNames t = config.table();
            long count = ctx.retry().call(() -> ctx.ports().tables().countBetween(t.name(), t.createdAtAttribute(),
                    from, to, Optional.ofNullable(t.createdAtIndex())));
            return new HealthSignal(PROJECTS_YESTERDAY, SignalStatus.INFO, count + " projects", "informational",
                    t.name() + " items with " + t.createdAtAttribute() + " in [" + from + ", " + to + ")", true);
        }
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
