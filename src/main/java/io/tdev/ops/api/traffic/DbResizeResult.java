package io.tdev.ops.api.traffic;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;
import io.tdev.ops.api.change.ChangeStatus;

import java.util.List;

/**
 * What a class change did (or would do).
 *
 * @param instance         the RDS instance identifier
 * @param from             its class before
 * @param to               the class asked for
 * @param applyImmediately now, or in the maintenance window
 * @param multiAz          Multi-AZ instances fail over to the modified standby (short interruption)
 * @param downtime         what RDS' model says about the interruption, for the change ticket
 * @param message          where it stopped (FAILED, TIMED_OUT) or what happens next (STARTED)
 * @param next             what to run next, or null
 */
public record DbResizeResult(boolean ok, ChangeStatus status, String instance, String from, String to,
                             boolean applyImmediately, boolean multiAz, String downtime, String message, String next,
                             List<Action> actions) implements Outcome {
    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## DB resize: ").append(status).append("\n\n")
                .append("| instance | from | to | when | Multi-AZ |\n|---|---|---|---|---|\n")
                .append("| ").append(instance).append(" | ").append(from).append(" | ").append(to).append(" | ")
                .append(applyImmediately ? "now" : "maintenance window").append(" | ").append(multiAz ? "yes" : "no")
                .append(" |\n\n").append("Downtime: ").append(downtime).append('\n');
        if (message != null) {
            md.append("\n").append(message).append('\n');
        }
        if (next != null) {
            md.append("\nNext: `").append(next).append("`\n");
        }
        return md.toString();
    }
}
