package io.tdev.ops.runbook;

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

    /**
     * What an abandoned wait leaves behind, for the person on call: nobody timed out, somebody stopped watching, and
     * the change was not undone.
     */
    static String abandoned(StableWait.Result waited, String change) {
        return "the wait was abandoned after " + Durations.format(waited.waited()) + " (" + waited.abandonedBy()
                + "), not timed out: " + change + " stays and the rollout continues; last look: "
                + waited.last().message();
    }
}
