package io.tdev.ops.model;

/**
 * A call to the remote environment (AWS or the simulation) failed. {@code api} names the call
 * (e.g. {@code ecs:UpdateService}); {@code retryable} says whether running again may help.
 */
public final class RemoteFailureException extends TdevException {
    private final String api;
    private final boolean retryable;
    private final boolean clientRetried;

    public RemoteFailureException(String api, String message, boolean retryable, Throwable cause) {
        this(api, message, retryable, cause, false);
    }

    private RemoteFailureException(String api, String message, boolean retryable, Throwable cause,
                                   boolean clientRetried) {
        super(message, cause);
        this.api = api;
        this.retryable = retryable;
        this.clientRetried = clientRetried;
    }

    /**
     * This failure after the client's own retries (the AWS SDK's retry policy already spent its attempts on it):
     * callers must not retry it again, or one throttled read costs their attempts times the SDK's.
     */
    public RemoteFailureException afterClientRetries() {
        RemoteFailureException spent = new RemoteFailureException(api, getMessage(), retryable, getCause(), true);
        spent.setStackTrace(getStackTrace());
        return spent;
    }

    /** Whether the client that made the call already retried it as far as its retry policy allows. */
    public boolean clientRetried() {
        return clientRetried;
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
