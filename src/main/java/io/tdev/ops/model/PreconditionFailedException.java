package io.tdev.ops.model;

/** The world is not in a state where the operation can run (e.g. no known-good revision to roll back to). */
public final class PreconditionFailedException extends TdevException {
    public PreconditionFailedException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
