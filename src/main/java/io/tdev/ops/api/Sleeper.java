package io.tdev.ops.api;

import io.tdev.ops.support.Waits;

import java.time.Duration;

/** Waits. Injected so that tests and the simulation run on virtual time. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
