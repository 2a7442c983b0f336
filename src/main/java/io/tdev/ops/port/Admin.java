package io.tdev.ops.port;

import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.InvalidInputException;

/**
 * The T-Developer service's own admin endpoint (the runbook's {@code POST /admin/...} calls), authenticated with
 * the bearer token kept in the environment's secret. Implementations throw
 * {@link io.tdev.ops.model.TdevException}s only: a non-2xx answer is a RemoteFailureException naming the call and
 * the status; an endpoint that is not configured is a PreconditionFailedException naming the config field.
 */
public interface Admin {
    /** {@code POST /admin/clear-cache}: idempotent (a second clear leaves the same empty cache), so retried. */
    AdminReply clearCache();

    /**
     * {@code POST /admin/restart-agent} with {@code {"agent": NAME}}: not idempotent (two restarts), sent once, and
     * a failure is not retryable. An agent the service does not run is its 404, a RemoteFailureException; a blank
     * name is an InvalidInputException naming {@code agent} before anything is sent.
     */
    AdminReply restartAgent(String agent);

    /** {@code POST /admin/invalidate-sessions}: idempotent (every session is gone either way), so retried. */
    AdminReply invalidateSessions();

    /** The agent's name as every adapter checks it before it sends: not blank (which agents exist, the service knows). */
    static void requireAgent(String agent) {
        if (agent == null || agent.isBlank()) {
            throw new InvalidInputException("agent", "must not be empty: the name of one of the service's agents, e.g. search");
        }
    }
}
