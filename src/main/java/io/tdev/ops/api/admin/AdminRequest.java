package io.tdev.ops.api.admin;

import io.tdev.ops.model.InvalidInputException;

/**
 * One admin call. {@code agent} is required for {@link AdminCall#RESTART_AGENT} and refused otherwise (the use case
 * checks it against the environment's {@code incident.agents}); {@code reason} goes into the audit trail.
 */
public record AdminRequest(AdminCall call, String agent, String reason, boolean dryRun) {
    public AdminRequest {
        if (call == null) {
            throw new InvalidInputException("call", "missing; allowed clear-cache, restart-agent, invalidate-sessions");
        }
        agent = agent == null || agent.isBlank() ? null : agent.strip();
        if (call == AdminCall.RESTART_AGENT && agent == null) {
            throw new InvalidInputException("agent", "missing; restart-agent restarts one agent: give its name (e.g. search)");
        }
        if (call != AdminCall.RESTART_AGENT && agent != null) {
            throw new InvalidInputException("agent", "got '" + agent + "'; only restart-agent takes an agent");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public static AdminRequest clearCache(String reason, boolean dryRun) {
        return new AdminRequest(AdminCall.CLEAR_CACHE, null, reason, dryRun);
    }

    public static AdminRequest restartAgent(String agent, String reason, boolean dryRun) {
        return new AdminRequest(AdminCall.RESTART_AGENT, agent, reason, dryRun);
    }

    public static AdminRequest invalidateSessions(String reason, boolean dryRun) {
        return new AdminRequest(AdminCall.INVALIDATE_SESSIONS, null, reason, dryRun);
    }
}
