package io.tdev.ops.security;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;

/** A change that failed part-way: the same kind of error, saying what is done, what is not, and what to run next. */
final class StoppedChange {
    private StoppedChange() {
    }

    static TdevException of(TdevException cause, String whereItStands) {
        String message = whereItStands + " (" + cause.getMessage() + ")";
        if (cause instanceof RemoteFailureException remote) {
            return new RemoteFailureException(remote.api(), message, remote.retryable(), cause);
        }
        if (cause instanceof PreconditionFailedException) {
            return new PreconditionFailedException(message);
        }
        return cause;
    }
}
