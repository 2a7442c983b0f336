package io.tdev.ops.api.change;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainMarkdown;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.TaskDefinitionRef;

import java.util.List;

/**
 * A revision marked known-good (or, in a dry run, that would be). The components, in this order, are the JSON keys
 * and the step's return value ({@link PlainValues}); make one with {@link #of}.
 */
public record MarkKnownGoodResult(TaskDefinitionRef revision, ChangeStatus status, boolean ok, String tag,
                                  String value, String message, List<Action> actions) implements Outcome {
    public MarkKnownGoodResult {
        if (status == null || ok != status.ok()) {
            throw new IllegalArgumentException("MarkKnownGoodResult: ok follows from the status; make it with"
                    + " MarkKnownGoodResult.of(...)");
        }
        actions = List.copyOf(actions);
    }

    public static MarkKnownGoodResult of(TaskDefinitionRef revision, String tag, String value, ChangeStatus status,
                                         String message, List<Action> actions) {
        return new MarkKnownGoodResult(revision, status, status.ok(), tag, value, message, actions);
    }

    @Override
    public String markdown() {
        return PlainMarkdown.of("tdev-ops mark-known-good", PlainValues.map(this));
    }
}
