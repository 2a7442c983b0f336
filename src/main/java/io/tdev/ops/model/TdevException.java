package io.tdev.ops.model;

/**
 * The three error kinds of the runbook engine. The CLI maps them to exit codes (2, 1, 3), the
 * Jenkins plugin to {@code AbortException} messages. Messages are written for the person on call:
 * they say what failed and what to do next, and never carry a secret.
 */
public abstract sealed class TdevException extends RuntimeException
        permits InvalidInputException, PreconditionFailedException, RemoteFailureException {

    protected TdevException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Process exit code of the CLI for this kind of failure. */
    public abstract int exitCode();
}
