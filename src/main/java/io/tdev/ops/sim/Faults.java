package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;

import java.time.Clock;
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
 * interrupted (how a per-signal timeout is tested), until {@link #clear(String)}.
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

    /** Removes queued faults and the hang of {@code api}. */
    public synchronized Faults clear(String api) {
        queued.remove(known(api));
        hanging.remove(api);
        return this;
    }

    public synchronized Faults clearAll() {
        queued.clear();
        hanging.clear();
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
        synchronized (this) {
            counts.merge(api, 1, Integer::sum);
            hang = hanging.containsKey(api);
            Deque<Kind> q = queued.get(api);
            kind = hang || q == null ? null : q.poll();
            log.add(new SimCall(api, clock.instant(), hang ? "hang" : kind == null ? "ok" : kind.name().toLowerCase()));
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
