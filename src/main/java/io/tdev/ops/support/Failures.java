package io.tdev.ops.support;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;

/** Adds "where it stopped and what to run next" to a failure, keeping its kind (and so its exit code). */
public final class Failures {
    private Failures() {
    }

    public static TdevException withContext(TdevException e, String context) {
        String message = context + ": " + e.getMessage();
        if (e instanceof RemoteFailureException r) {
            return new RemoteFailureException(r.api(), message, r.retryable(), e);
        }
        if (e instanceof PreconditionFailedException) {
            return new PreconditionFailedException(message);
        }
        // the model's exceptions take their cause in the constructor only; the message carries the original
        InvalidInputException i = (InvalidInputException) e;
        return new InvalidInputException(i.field(), context + ": " + e.getMessage());
    }
}
