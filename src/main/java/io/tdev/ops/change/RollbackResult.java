package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.List;
import java.util.Map;

/**
 * A rollback: from which revision to which, how the target was chosen, how it ended, the SNS notification
 * (message id, or why it failed), and for FAILED / TIMED_OUT where it stopped and what to run next.
 */
public record RollbackResult(TaskDefinitionRef from, TaskDefinitionRef to, String target, String chosenBecause,
                             ChangeStatus status, String reason, String by, String message, String next,
                             String notification, String stoppedDeploymentId, Stability stability,
                             List<Action> actions) implements OpsResult {
    public RollbackResult {
        actions = List.copyOf(actions);
    }

    @Override
    public String summary() {
        return "rollback " + status + ": " + message;
    }

    @Override
    public Map<String, Object> toMap() {
        return ChangeResultMap.of(from.toString(), to.toString(), status)
                .put("target", target)
                .put("chosenBecause", chosenBecause)
                .put("reason", reason)
                .put("by", by)
                .put("message", message)
                .put("next", next)
                .put("notification", notification)
                .put("stoppedDeploymentId", stoppedDeploymentId)
                .end(stability, actions);
    }

    /** Reads back {@link #toMap()} (the plugin keeps it between the first call and {@link FinishRollout}). */
    static RollbackResult from(ResultMaps m) {
        return new RollbackResult(m.ref("from"), m.ref("to"), m.string("target"), m.string("chosenBecause"),
                m.enumValue("status", ChangeStatus.class), m.string("reason"), m.string("by"), m.string("message"),
                m.string("next"), m.string("notification"), m.string("stoppedDeploymentId"),
                ChangeResultMap.stability(m), m.actions("actions"));
    }
}
