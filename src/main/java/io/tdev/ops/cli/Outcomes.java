package io.tdev.ops.cli;

import io.tdev.ops.api.change.ChangeStatus;

/** How a change that did not finish as asked is told on stderr. */
final class Outcomes {
    private Outcomes() {
    }

    /** "COMMAND STATUS: message" and, when there is one, "next: ..." on the next line. */
    static String failure(String command, ChangeStatus status, String message, String next) {
        return command + " " + status + (message == null ? "" : ": " + message)
                + (next == null ? "" : System.lineSeparator() + "next: " + next);
    }
}
