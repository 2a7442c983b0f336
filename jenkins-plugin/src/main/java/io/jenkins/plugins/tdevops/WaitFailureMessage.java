package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.model.TdevException;

/**
 * The pieces of a waiting step's failure message: what it changed and did not undo, what the last look said, and an
 * error as the build log may show it (the engine's own messages; other exceptions by type only, never their text,
 * which may carry what the engine keeps out of logs).
 */
final class WaitFailureMessage {
    private WaitFailureMessage() {
    }

    /** A failed wait reverts nothing; the message says so, with what was changed. */
    static String notUndone(PendingChange change) {
        return "It changed " + change.service() + " from " + change.from() + " to " + change.to()
                + " and did not undo that.";
    }

    /** {@code lastLook}: the message of the last look that succeeded, or null. */
    static String lastLookSaid(String lastLook) {
        return lastLook == null ? "No look at the service succeeded." : "The last look said: " + lastLook + ".";
    }

    static String describe(Exception e) {
        return e instanceof TdevException ? e.getMessage() : e.getClass().getSimpleName() + " (see the controller log)";
    }

    /** " Team notification: ID." when the engine told the team (a rollback's final word), else "". */
    static String notified(ChangeResult result) {
        return result instanceof RollbackResult rollback && rollback.notification() != null
                ? " Team notification: " + rollback.notification() + "." : "";
    }
}
