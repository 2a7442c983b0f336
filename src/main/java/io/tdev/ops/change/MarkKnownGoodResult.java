package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A revision marked known-good (or, in a dry run, that would be). */
public record MarkKnownGoodResult(TaskDefinitionRef revision, String tag, String value, ChangeStatus status,
                                  String message, List<Action> actions) implements OpsResult {
    public MarkKnownGoodResult {
        actions = List.copyOf(actions);
    }

    @Override
    public String summary() {
        return message;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", revision.toString());
        m.put("status", status.name());
        m.put("ok", status.ok());
        m.put("tag", tag);
        m.put("value", value);
        m.put("message", message);
        m.put("actions", OpsResult.actionMaps(actions));
        return m;
    }
}
