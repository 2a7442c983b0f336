package io.tdev.ops.runbook;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.LinkedHashMap;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("status", status.name());
        m.put("target", target);
        m.put("chosenBecause", chosenBecause);
        m.put("reason", reason);
        m.put("by", by);
        m.put("message", message);
        m.put("next", next);
        m.put("notification", notification);
        m.put("stoppedDeploymentId", stoppedDeploymentId);
        m.put("stability", stability == null ? null : stability.toMap());
        m.put("actions", OpsResult.actionMaps(actions));
        return m;
    }

    /** Reads back {@link #toMap()} (the plugin keeps it between the first call and {@link FinishRollout}). */
    static RollbackResult from(ResultMaps m) {
        ResultMaps look = m.nested("stability");
        return new RollbackResult(m.ref("from"), m.ref("to"), m.string("target"), m.string("chosenBecause"),
                m.enumValue("status", ChangeStatus.class), m.string("reason"), m.string("by"), m.string("message"),
                m.string("next"), m.string("notification"), m.string("stoppedDeploymentId"),
                look == null ? null : Stability.from(look), m.actions("actions"));
    }
}
