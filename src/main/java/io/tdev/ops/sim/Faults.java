package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;

import io.tdev.ops.api.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fault injection and call accounting per IAM action ({@link Api}). Faults queue up per action and are used
 * in order: {@code throttle(api, 2)} then {@code fail(api, 1)} makes the next two calls throttled, the third
 * fail, and the fourth succeed. {@code hang(api)} makes every following call block until the caller is
 * interrupted (how a per-signal timeout is tested), until {@link #clear(String)}. {@code delay(api, d)} makes every
 * following call wait {@code d} of real time before it is answered (network latency, so that the speed of parallel
 * reads can be measured), then the queued faults apply as usual.
 *
 * <p>Faults are checked before the simulated world is locked, so a hanging call never blocks other callers.
 */
public final class Faults {
    /** A hanging call that nobody interrupts gives up after this much real time, so a broken test cannot hang a build. */
    static final long HANG_SAFETY_SECONDS = 120;

    private enum Kind { THROTTLE, FAIL, DENY }

    private final Clock clock;
    private final Map<String, Deque<Kind>> queued = new HashMap<>();
    private final Map<String, Boolean> hanging = new HashMap<>();
    private final Map<String, Duration> delays = new HashMap<>();
    /** Waits out a delay in real time; replaceable so that a test can see the waits without timing them. */
    private volatile Sleeper realTime = Sleeper.system();
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<SimCall> log = new ArrayList<>();

    Faults(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code times} calls of {@code api} fail as throttled (retryable). */
    public synchronized Faults throttle(String api, int times) {
        return queue(api, Kind.THROTTLE, times);
    }

    /** The next {@code times} calls of {@code api} fail with a non-retryable service error. */
    public synchronized Faults fail(String api, int times) {
        return queue(api, Kind.FAIL, times);
    }

    /** The next {@code times} calls of {@code api} are refused as AccessDenied (non-retryable). */
    public synchronized Faults denyAccess(String api, int times) {
        return queue(api, Kind.DENY, times);
    }

    /** Every following call of {@code api} blocks in real time until its thread is interrupted. */
    public synchronized Faults hang(String api) {
        hanging.put(known(api), Boolean.TRUE);
        return this;
    }

    /**
     * Every following call of {@code api} waits {@code latency} of real time (outside the world's lock, so calls
     * made in parallel wait in parallel) before it is answered, until {@link #clear(String)}. A second delay of the
     * same api replaces the first.
     */
    public synchronized Faults delay(String api, Duration latency) {
        known(api);
        if (latency == null || latency.isNegative() || latency.isZero()
                || latency.compareTo(Duration.ofSeconds(HANG_SAFETY_SECONDS)) > 0) {
            throw new InvalidInputException("latency", "must be more than 0 and at most " + HANG_SAFETY_SECONDS
                    + " s, got " + latency);
        }
        delays.put(api, latency);
        return this;
    }

    /** Removes queued faults, the hang and the delay of {@code api}. */
    public synchronized Faults clear(String api) {
        queued.remove(known(api));
        hanging.remove(api);
        delays.remove(api);
        return this;
    }

    public synchronized Faults clearAll() {
        queued.clear();
        hanging.clear();
        delays.clear();
        return this;
    }

    /** Replaces the real-time wait of delays (tests observe the waits instead of timing them). */
    Faults realTime(Sleeper sleeper) {
        this.realTime = sleeper;
        return this;
    }

    /** How many calls of {@code api} were made, including those that failed. */
    public synchronized int calls(String api) {
        return counts.getOrDefault(known(api), 0);
    }

    /** Every call so far, oldest first. */
    public synchronized List<SimCall> callLog() {
        return List.copyOf(log);
    }

    /** Counts the call, then throws or blocks if a fault is due. Called outside the world's lock. */
    void enter(String api) {
        boolean hang;
        Kind kind;
        Duration delay;
        synchronized (this) {
            counts.merge(api, 1, Integer::sum);
            hang = hanging.containsKey(api);
            delay = delays.get(api);
            Deque<Kind> q = queued.get(api);
            kind = hang || q == null ? null : q.poll();
            log.add(new SimCall(api, clock.instant(), hang ? "hang" : kind == null ? "ok" : kind.name().toLowerCase()));
        }
        if (delay != null) {
            waitOut(api, delay);
        }
        if (hang) {
            hangUntilInterrupted(api);
        }
        if (kind == Kind.THROTTLE) {
            throw new RemoteFailureException(api, api + " was throttled (Rate exceeded, simulated); run again later", true);
        }
        if (kind == Kind.FAIL) {
            throw new RemoteFailureException(api, api + " failed: InternalFailure (simulated service error)", false);
        }
        if (kind == Kind.DENY) {
            throw new RemoteFailureException(api, "access denied: IAM action " + api + " was refused (simulated)", false);
        }
    }

    private void waitOut(String api, Duration delay) {
        try {
            realTime.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(api, api + " was interrupted while waiting for its answer (simulated latency "
                    + delay.toMillis() + " ms)", true, e);
        }
    }

    private static void hangUntilInterrupted(String api) {
        try {
            // Real time on purpose: the caller's timeout (a Future.get with a deadline) must fire and interrupt us.
            TimeUnit.SECONDS.sleep(HANG_SAFETY_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(api, api + " did not answer (simulated hang) and was interrupted", true, e);
        }
        throw new RemoteFailureException(api, api + " did not answer within " + HANG_SAFETY_SECONDS
                + " s (simulated hang, never interrupted)", true);
    }

    private Faults queue(String api, Kind kind, int times) {
        if (times < 1) {
            throw new InvalidInputException("times", "must be 1 or more, got " + times);
        }
        Deque<Kind> q = queued.computeIfAbsent(known(api), k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(kind);
        }
        return this;
    }

    private static String known(String api) {
        if (!Api.ALL.contains(api)) {
            throw InvalidInputException.notAllowed("api", api, Api.ALL);
        }
        return api;
    }
}
