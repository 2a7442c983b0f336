package io.tdev.ops.runbook;

import io.tdev.ops.model.RemoteFailureException;

import java.time.Duration;

/** Sleeping through the injected {@link Sleeper}; an interrupt ends the wait as a failure that says so. */
final class Waits {
    private Waits() {
    }

    static void sleep(Sleeper sleeper, Duration duration, String whatFor) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(whatFor, "interrupted while waiting (" + whatFor + ")", true, e);
        }
    }
}
