package io.jenkins.plugins.tdevops;

import io.tdev.ops.model.TdevException;

import java.util.Map;

/**
 * The pieces of a waiting step's failure message: what it changed and did not undo, what the last look said, and an
 * error as the build log may show it (the engine's own messages; other exceptions by type only, never their text,
 * which may carry what the engine keeps out of logs).
 */
final class WaitFailureMessage {
    private WaitFailureMessage() {
    }

    /** A failed wait reverts nothing; the message says so, with what was changed. */
    static String notUndone(String service, Map<String, Object> started) {
        return "It changed " + service + " from " + started.get("from") + " to " + started.get("to")
                + " and did not undo that.";
    }

    static String lastLookSaid(Map<String, Object> lastLook) {
        return lastLook == null ? "No look at the service succeeded."
                : "The last look said: " + lastLook.get("message") + ".";
    }

    static String describe(Exception e) {
        return e instanceof TdevException ? e.getMessage() : e.getClass().getSimpleName() + " (see the controller log)";
    }

    /** " Team notification: ID." when the engine's result has one, else "". */
    static String notified(Map<String, Object> result) {
        Object notification = result.get("notification");
        return notification == null ? "" : " Team notification: " + notification + ".";
    }
}
