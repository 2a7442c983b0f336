package io.tdev.ops.api.backup;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;

import java.util.List;

/**
 * One DNS fail-over (or fail-back).
 *
 * @param status   PLANNED (dry run), UNCHANGED (already there), INSYNC (changed and propagated), PENDING (changed,
 *                 the wait ended first)
 * @param before   the record's value before, {@code after} after
 * @param changeId the Route 53 change, null when nothing was changed
 * @param failBack the command that undoes this one
 */
public record FailoverResult(String to, String record, String type, String before, String after, long ttl,
                             String status, String changeId, String primaryHealth, String failBack, String message,
                             List<Action> actions) implements Outcome {
    public FailoverResult {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ok() {
        return "PLANNED".equals(status) || "UNCHANGED".equals(status) || "INSYNC".equals(status);
    }

    @Override
    public String markdown() {
        return "## Fail-over to " + to + ": **" + status + "**\n\n"
                + "| record | type | before | after | TTL |\n|---|---|---|---|---|\n"
                + "| `" + record + "` | " + type + " | `" + before + "` | `" + after + "` | " + ttl + " |\n\n"
                + "Primary health check: " + primaryHealth + "\n\n" + message + "\n\nUndo: `" + failBack + "`\n"
                + ActionsTable.of(actions);
    }
}
