package io.tdev.ops.runbook;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deploy: from which revision to which (null {@code to} in a dry run: not registered yet), the image, how it
 * ended, and for FAILED / TIMED_OUT where it stopped ({@code message}) and what to run next ({@code next}).
 */
public record DeployResult(TaskDefinitionRef from, TaskDefinitionRef to, String container, String image,
                           ChangeStatus status, String deploymentId, String message, String next,
                           Stability stability, List<Action> actions) implements OpsResult {
    public DeployResult {
        actions = List.copyOf(actions);
    }

    @Override
    public String summary() {
        return "deploy " + status + ": " + message;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from == null ? null : from.toString());
        m.put("to", to == null ? null : to.toString());
        m.put("status", status.name());
        m.put("image", image);
        m.put("container", container);
        m.put("deploymentId", deploymentId);
        m.put("message", message);
        m.put("next", next);
        m.put("stability", stability == null ? null : stability.toMap());
        m.put("actions", OpsResult.actionMaps(actions));
        return m;
    }

    /** Reads back {@link #toMap()} (the plugin keeps it between the first call and {@link FinishRollout}). */
    static DeployResult from(ResultMaps m) {
        ResultMaps look = m.nested("stability");
        return new DeployResult(m.ref("from"), m.ref("to"), m.string("container"), m.requiredString("image"),
                m.enumValue("status", ChangeStatus.class), m.string("deploymentId"), m.string("message"),
                m.string("next"), look == null ? null : Stability.from(look), m.actions("actions"));
    }
}
