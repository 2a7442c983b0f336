package io.tdev.ops.fleet;

import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.api.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A client-side rate limit: {@code perSecond} calls a second on average, bursts up to one second's worth. A caller
 * that finds the bucket empty sleeps (on the injected sleeper, so tests and the simulation never wait in real time)
 * until a token is due. Keeps a fleet run inside the API's documented budget instead of learning it from throttling.
 */
final class TokenBucket {
    private final double perSecond;
    private final double capacity;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private Instant last;
    private Duration waited = Duration.ZERO;

    TokenBucket(double perSecond, Clock clock, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be more than 0, got " + perSecond);
        }
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.last = clock.instant();
    }

    /** Takes a token, first sleeping as long as the next one takes to come. */
    void acquire(String action) {
        Duration wait;
        synchronized (this) {
            refill();
            tokens -= 1; // reserved now: callers arriving meanwhile queue behind this one
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / perSecond * 1e9));
            waited = waited.plus(wait);
        }
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller's abort stays visible to it
                throw new RemoteFailureException(action, "interrupted while waiting for the " + action + " rate budget",
                        true, e);
            }
        }
    }

    private void refill() {
        Instant now = clock.instant();
        double elapsed = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
        tokens = Math.min(capacity, tokens + elapsed * perSecond);
        last = now;
    }

    synchronized Duration waited() {
        return waited;
    }
}
