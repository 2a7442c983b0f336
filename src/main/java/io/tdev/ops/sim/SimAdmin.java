package io.tdev.ops.sim;

import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's admin endpoint. As the HTTP adapter does, every call first reads the bearer token from the
 * environment's secret (so a denied GetSecretValue fails the call as it would on AWS). Clearing the cache ends
 * the {@code cache-degraded} slowness; restarting an agent ends its failures in the {@code failing-agent}
 * scenario; invalidating sessions bumps a generation counter. Calls are counted per endpoint ({@link Api}).
 */
final class SimAdmin implements Admin {
    private final SimWorld world;
    private final List<String> restarted = new ArrayList<>();
    private int sessionGenerations;

    SimAdmin(SimWorld world) {
        this.world = world;
    }

    @Override
    public AdminReply clearCache() {
        token();
        return answer(Api.ADMIN_CLEAR_CACHE, true, () -> {
            int keys = world.cacheStale ? 18_412 : 2_306;
            world.cache.cleared(world.now(), world.cacheStale);
            world.cacheStale = false;
            return new AdminReply(Api.ADMIN_CLEAR_CACHE, 200, "cache cleared: " + keys + " keys", world.now(), 1);
        });
    }

    @Override
    public AdminReply restartAgent(String agent) {
        Admin.requireAgent(agent);
        token();
        AdminReply reply = answer(Api.ADMIN_RESTART_AGENT, false, () -> {
            if (!LogLines.AGENTS.contains(agent)) {
                return null; // the service's 404, below: an answer, not a failure of the call
            }
            restarted.add(agent);
            world.failingAgents.remove(agent);
            return new AdminReply(Api.ADMIN_RESTART_AGENT, 202, "agent " + agent + "-agent restarting", world.now(), 1);
        });
        if (reply == null) {
            throw new RemoteFailureException(Api.ADMIN_RESTART_AGENT, Api.ADMIN_RESTART_AGENT
                    + " answered HTTP 404: the service runs no such agent", false);
        }
        return reply;
    }

    @Override
    public AdminReply invalidateSessions() {
        token();
        return answer(Api.ADMIN_INVALIDATE_SESSIONS, true, () -> {
            sessionGenerations++;
            return new AdminReply(Api.ADMIN_INVALIDATE_SESSIONS, 200, "sessions invalidated: 143", world.now(), 1);
        });
    }

    /**
     * A simulated fault stands for the endpoint failing on every attempt the HTTP adapter makes: an idempotent call's
     * failure is worth running again later, a restart's is not (whether it took effect is unknown).
     */
    private AdminReply answer(String call, boolean idempotent, Supplier<AdminReply> body) {
        try {
            return world.call(call, body);
        } catch (RemoteFailureException e) {
            throw new RemoteFailureException(call, e.getMessage() + (idempotent ? "; run it again later"
                    : " (not retried: it is not idempotent; check the agent's state before running it again)"),
                    idempotent, e);
        }
    }

    private void token() {
        world.secrets.value(world.config.secret(), world.config.incident().admin().tokenKey());
    }

    List<String> restarted() {
        return List.copyOf(restarted);
    }

    int sessionGenerations() {
        return sessionGenerations;
    }
}
