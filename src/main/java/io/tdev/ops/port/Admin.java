package io.tdev.ops.port;

import io.tdev.ops.model.AdminReply;

/**
 * The T-Developer service's own admin endpoint (the runbook's {@code POST /admin/...} calls), authenticated with
 * the bearer token kept in the environment's secret. Implementations throw
 * {@link io.tdev.ops.model.TdevException}s only: a non-2xx answer is a RemoteFailureException naming the call and
 * the status; an endpoint that is not configured is a PreconditionFailedException naming the config field.
 */
public interface Admin {
    /** {@code POST /admin/clear-cache}: idempotent (a second clear leaves the same empty cache), so retried. */
    AdminReply clearCache();

    /** {@code POST /admin/restart-agent} with {@code {"agent": NAME}}: not idempotent (two restarts), sent once. */
    AdminReply restartAgent(String agent);

    /** {@code POST /admin/invalidate-sessions}: idempotent (every session is gone either way), so retried. */
    AdminReply invalidateSessions();
}
