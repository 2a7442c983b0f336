package io.tdev.ops.admin;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.admin.AdminCall;
import io.tdev.ops.api.admin.AdminRequest;
import io.tdev.ops.api.admin.AdminResult;
import io.tdev.ops.api.admin.AdminUseCase;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.InvalidInputException;

import java.util.List;

/**
 * {@link AdminUseCase} over the {@code Admin} port: validates, plans or sends, and records the action. restart-agent
 * goes to the agent's ECS tasks instead where {@code incident.restartAgent.via} is {@code ecs-tasks}
 * ({@link AgentTaskRestart}).
 */
public final class AdminCalls implements AdminUseCase {
    private final OpsContext context;

    public AdminCalls(OpsContext context) {
        this.context = context;
    }

    @Override
    public AdminResult run(AdminRequest request) {
        List<String> agents = context.config().incident().agents();
        if (request.agent() != null && !agents.contains(request.agent())) {
            throw InvalidInputException.notAllowed("agent", request.agent(), agents);
        }
        AdminCall call = request.call();
        if (call == AdminCall.RESTART_AGENT && context.config().incident().restartAgent().viaEcsTasks()) {
            return new AgentTaskRestart(context).run(request.agent(), request.reason(), request.dryRun());
        }
        String target = context.config().name() + " " + call.path() + (request.agent() == null ? "" : " agent=" + request.agent());
        String what = switch (call) {
            case CLEAR_CACHE -> "clear cache";
            case RESTART_AGENT -> "restart agent";
            case INVALIDATE_SESSIONS -> "invalidate sessions";
        } + (request.reason() == null ? "" : " (" + request.reason() + ")");
        if (request.dryRun()) {
            String plan = "would POST " + call.path() + (request.agent() == null ? "" : " {\"agent\": \"" + request.agent() + "\"}");
            return new AdminResult("POST " + call.path(), "PLANNED", request.agent(), 0, plan, 0,
                    List.of(new Action(what, target, null, plan, context.clock().instant(), true)));
        }
        context.progress().report("POST " + call.path() + (request.agent() == null ? "" : " (" + request.agent() + ")"));
        AdminReply reply = switch (call) {
            case CLEAR_CACHE -> context.ports().admin().clearCache();
            case RESTART_AGENT -> context.ports().admin().restartAgent(request.agent());
            case INVALIDATE_SESSIONS -> context.ports().admin().invalidateSessions();
        };
        String after = "HTTP " + reply.status() + (reply.summary().isEmpty() ? "" : ": " + reply.summary());
        return new AdminResult(reply.call(), "DONE", request.agent(), reply.status(), reply.summary(), reply.attempts(),
                List.of(new Action(what + " by " + context.user(), target, null, after, reply.at(), false)));
    }
}
