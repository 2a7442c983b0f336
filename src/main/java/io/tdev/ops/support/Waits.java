package io.tdev.ops.support;

import io.tdev.ops.api.Sleeper;

import io.tdev.ops.model.RemoteFailureException;

import java.time.Duration;

/** Sleeping through the injected {@link Sleeper}; an interrupt ends the wait as a failure that says so. */
public final class Waits {
    private Waits() {
    }

    public static void sleep(Sleeper sleeper, Duration duration, String whatFor) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(whatFor, "interrupted while waiting (" + whatFor + ")", true, e);
        }
    }
}
