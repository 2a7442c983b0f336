package io.tdev.ops.model;

/**
 * A call to the remote environment (AWS or the simulation) failed. {@code api} names the call
 * (e.g. {@code ecs:UpdateService}); {@code retryable} says whether running again may help.
 */
public final class RemoteFailureException extends TdevException {
    private final String api;
    private final boolean retryable;

    public RemoteFailureException(String api, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.api = api;
        this.retryable = retryable;
    }

    public RemoteFailureException(String api, String message, boolean retryable) {
        this(api, message, retryable, null);
    }

    public String api() {
        return api;
    }

    public boolean retryable() {
        return retryable;
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
