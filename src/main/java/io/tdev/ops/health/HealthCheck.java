package io.tdev.ops.health;

import io.tdev.ops.api.health.HealthResult;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.health.signal.AlarmsSignal;
import io.tdev.ops.health.signal.CheckScope;
import io.tdev.ops.health.signal.EcsServiceSignal;
import io.tdev.ops.health.signal.ErrorLogsSignal;
import io.tdev.ops.health.signal.NotReadInTime;
import io.tdev.ops.health.signal.ProjectsYesterdaySignal;
import io.tdev.ops.health.signal.S3UsageSignal;
import io.tdev.ops.health.signal.Signal;
import io.tdev.ops.health.signal.TargetHealthSignal;
import io.tdev.ops.health.signal.UtilisationSignal;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One verdict from many signals (runbook: daily health check, P0/P1 triage, post-deploy bake). Each signal is a
 * class of {@code health.signal}; this class orchestrates them: signals are read in parallel, at most
 * {@code health.parallelism} at once, each within its own timeout; a signal that fails or does not answer in time is
 * UNKNOWN, never HEALTHY. Verdict: any UNHEALTHY signal makes it UNHEALTHY, then any UNKNOWN makes it UNKNOWN (an
 * unread signal may hide a failure, so it outranks a known degradation), then any DEGRADED; informational signals
 * (S3 usage, yesterday's projects) never count.
 */
public final class HealthCheck {
    public static final String ECS_SERVICE = EcsServiceSignal.NAME;
    public static final String ALARMS = AlarmsSignal.NAME;
    public static final String TARGET_HEALTH = TargetHealthSignal.NAME;
    public static final String ERROR_LOGS = ErrorLogsSignal.NAME;
    public static final String CPU = UtilisationSignal.CPU;
    public static final String MEMORY = UtilisationSignal.MEMORY;
    public static final String S3_USAGE = S3UsageSignal.NAME;
    public static final String PROJECTS_YESTERDAY = ProjectsYesterdaySignal.NAME;
    public static final List<String> SIGNALS = List.of(ECS_SERVICE, ALARMS, TARGET_HEALTH, ERROR_LOGS, CPU, MEMORY,
            S3_USAGE, PROJECTS_YESTERDAY);
    /** "could not read: ecs:DescribeServices: why" → "could not read: why" (the cause, whichever call met it). */
    private static final java.util.regex.Pattern UNREAD_API =
            java.util.regex.Pattern.compile("^(could not read: )[a-z0-9-]+:[A-Za-z0-9]+: ");

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
        CheckScope scope = new CheckScope(ctx, now, window, options, names, timeout);
        ErrorLogsSignal errorLogs = new ErrorLogsSignal(scope);
        EcsServiceSignal ecsService = new EcsServiceSignal(scope);
        Map<String, Signal> all = new LinkedHashMap<>();
        for (Signal s : List.of(ecsService, new AlarmsSignal(scope), new TargetHealthSignal(scope),
                errorLogs, UtilisationSignal.cpu(scope), UtilisationSignal.memory(scope), new S3UsageSignal(scope),
                new ProjectsYesterdaySignal(scope))) {
            all.put(s.name(), s);
        }

        List<HealthSignal> signals = readAll(names.stream().map(all::get).toList(), timeout,
                Math.max(1, config.health().parallelism()));
        List<String> reasons = new ArrayList<>();
        Verdict verdict = verdict(signals, reasons);
        ctx.progress().report("health of " + config.name() + ": " + verdict
                + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"));
        return HealthResult.of(config.serviceRef(), config.name(), verdict, reasons, signals, errorLogs.topPatterns(),
                now, options.baselineTime(), List.of(), notes, ecsService.rollout());
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

    private List<HealthSignal> readAll(List<Signal> toRead, Duration timeout, int parallelism) {
        // Slots bound how many reads run at once; each slot hands its read to a worker so that it can stop
        // waiting after the timeout. A read that hangs keeps its (daemon) worker, but frees the slot.
        ExecutorService slots = Executors.newFixedThreadPool(Math.min(parallelism, toRead.size()), daemon("tdev-health-slot"));
        ExecutorService workers = Executors.newCachedThreadPool(daemon("tdev-health-read"));
        try {
            List<Future<HealthSignal>> futures = new ArrayList<>();
            for (Signal signal : toRead) {
                futures.add(slots.submit(() -> {
                    HealthSignal read = readOne(signal, workers, timeout);
                    ctx.progress().report("signal " + signal.name() + ": " + read.status() + " (" + read.value() + ")");
                    return read;
                }));
            }
            List<HealthSignal> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                out.add(await(toRead.get(i), futures.get(i), timeout));
            }
            return out;
        } finally {
            slots.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static HealthSignal readOne(Signal signal, ExecutorService workers, Duration timeout) {
        Future<HealthSignal> f = workers.submit(signal::read);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return notRead(signal, NotReadInTime.wording(timeout));
        } catch (ExecutionException e) {
            return notRead(signal, e.getCause(), timeout);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return notRead(signal, "interrupted before it was read");
        }
    }

    private static HealthSignal await(Signal signal, Future<HealthSignal> f, Duration timeout) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return notRead(signal, e.getCause(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRead(signal, "interrupted before it was read");
        }
    }

    /**
     * Why a signal that threw is unread. One that waited for a shared read cut short by the timeout (the check's
     * one GetMetricData, started by another signal) says the same as the signal that started it.
     */
    private static HealthSignal notRead(Signal signal, Throwable cause, Duration timeout) {
        return notRead(signal, cause instanceof NotReadInTime ? NotReadInTime.wording(timeout)
                : "could not read: " + describe(cause));
    }

    private static HealthSignal notRead(Signal signal, String why) {
        return HealthSignal.unknown(signal.name(), why, signal.informational());
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
}
