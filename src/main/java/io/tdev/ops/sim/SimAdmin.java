package io.tdev.ops.sim;

import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Admin;

import java.util.ArrayList;
import java.util.List;

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
        return world.call(Api.ADMIN_CLEAR_CACHE, () -> {
            int keys = world.cacheStale ? 18_412 : 2_306;
            world.cache.cleared(world.now(), world.cacheStale);
            world.cacheStale = false;
            return new AdminReply(Api.ADMIN_CLEAR_CACHE, 200, "cache cleared: " + keys + " keys", world.now(), 1);
        });
    }

    @Override
    public AdminReply restartAgent(String agent) {
        if (!LogLines.AGENTS.contains(agent)) {
            // the service answers 404 for an agent it does not run; the port's callers validate first
            throw InvalidInputException.notAllowed("agent", agent, LogLines.AGENTS);
        }
        token();
        return world.call(Api.ADMIN_RESTART_AGENT, () -> {
            restarted.add(agent);
            world.failingAgents.remove(agent);
            return new AdminReply(Api.ADMIN_RESTART_AGENT, 202, "agent " + agent + "-agent restarting", world.now(), 1);
        });
    }

    @Override
    public AdminReply invalidateSessions() {
        token();
        return world.call(Api.ADMIN_INVALIDATE_SESSIONS, () -> {
            sessionGenerations++;
            return new AdminReply(Api.ADMIN_INVALIDATE_SESSIONS, 200, "sessions invalidated: 143", world.now(), 1);
        });
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
