package io.tdev.ops.api.traffic;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;
import io.tdev.ops.api.change.ChangeStatus;

import java.util.List;

/**
 * What a traffic event's prepare or restore did (or would do), item by item.
 *
 * @param operation prepare | restore
 * @param changes   desired count, autoscaling capacity, database class: before → after and what became of each
 * @param savedIn   where prepare recorded what it changed (restore reads it there)
 * @param message   where it stopped (FAILED, TIMED_OUT) or why nothing changed
 * @param next      the command to run next, or null
 */
public record TrafficEventResult(boolean ok, String operation, ChangeStatus status, List<Change> changes,
                                 String savedIn, String message, String next, List<Action> actions)
        implements Outcome {

    /** How one item ended. */
    public enum ItemOutcome { CHANGED, PLANNED, UNCHANGED, NOT_CHANGED_BY_PREPARE, FAILED, NOT_REACHED }

    /** One value the event moves: {@code what} from {@code before} to {@code after}. */
    public record Change(String what, String before, String after, ItemOutcome outcome) {
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Traffic event ").append(operation).append(": ").append(status)
                .append("\n\n| what | before | after | outcome |\n|---|---|---|---|\n");
        for (Change c : changes) {
            md.append("| ").append(c.what()).append(" | ").append(c.before()).append(" | ").append(c.after())
                    .append(" | ").append(c.outcome()).append(" |\n");
        }
        md.append("\nSaved in: ").append(savedIn).append('\n');
        if (message != null) {
            md.append("\n").append(message).append('\n');
        }
        if (next != null) {
            md.append("\nNext: `").append(next).append("`\n");
        }
        return md.toString();
    }
}
