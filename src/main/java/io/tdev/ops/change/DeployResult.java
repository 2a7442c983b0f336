package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.TaskDefinitionRef;

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
        return ChangeResultMap.of(from == null ? null : from.toString(), to == null ? null : to.toString(), status)
                .put("image", image)
                .put("container", container)
                .put("deploymentId", deploymentId)
                .put("message", message)
                .put("next", next)
                .end(stability, actions);
    }

    /** Reads back {@link #toMap()} (the plugin keeps it between the first call and {@link FinishRollout}). */
    static DeployResult from(ResultMaps m) {
        return new DeployResult(m.ref("from"), m.ref("to"), m.string("container"), m.requiredString("image"),
                m.enumValue("status", ChangeStatus.class), m.string("deploymentId"), m.string("message"),
                m.string("next"), ChangeResultMap.stability(m), m.actions("actions"));
    }
}
