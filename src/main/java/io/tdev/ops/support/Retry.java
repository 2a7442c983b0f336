package io.tdev.ops.support;

import io.tdev.ops.api.Sleeper;

import io.tdev.ops.model.RemoteFailureException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls a read again when it fails with a retryable {@link RemoteFailureException} (throttling, 5xx, network),
 * waiting 1 s, 2 s, 4 s ... through the injected {@link Sleeper}, unless the client that made the call already
 * retried it ({@link RemoteFailureException#clientRetried()}: the AWS SDK's retry policy owns the budget there, so a
 * persistently throttled read costs its attempts, not this class's times its). The backoff here is for clients that
 * do not retry by themselves (the simulation). Mutations are not retried here: running an
 * update twice is not always harmless, and the adapters' SDK already retried the transport.
 */
public final class Retry {
    private final Sleeper sleeper;
    private final int attempts;
    private final Duration firstDelay;

    public Retry(Sleeper sleeper, int attempts, Duration firstDelay) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.sleeper = sleeper;
        this.attempts = attempts;
        this.firstDelay = firstDelay;
    }

    /** Four attempts, 1 s then doubling. */
    public static Retry reads(Sleeper sleeper) {
        return new Retry(sleeper, 4, Duration.ofSeconds(1));
    }

    public int attempts() {
        return attempts;
    }

    public <T> T call(Supplier<T> read) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (RemoteFailureException e) {
                if (!e.retryable() || e.clientRetried()) {
                    throw e; // not worth another try, or the client (the AWS SDK) already spent the budget
                }
                if (attempt >= attempts) {
                    throw new RemoteFailureException(e.api(),
                            e.getMessage() + " (gave up after " + attempt + " attempts)", true, e);
                }
                Waits.sleep(sleeper, delay, e.api());
                delay = delay.multipliedBy(2);
            }
        }
    }
}
