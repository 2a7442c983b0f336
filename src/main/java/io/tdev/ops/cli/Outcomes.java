package io.tdev.ops.cli;

import io.tdev.ops.api.change.ChangeStatus;

import java.util.Map;

/** Reads a mutating use case's result: did it do what was asked? */
final class Outcomes {
    private Outcomes() {
    }

    /** The result's own {@code ok} fact (the engine's ChangeStatus.ok() decides it) is false. */
    static boolean failed(Map<String, Object> result) {
        return Boolean.FALSE.equals(result.get("ok"));
    }

    /** For a failed operation: where it stopped and what to run next, for stderr. */
    static String failure(String command, Map<String, Object> result) {
        if (!failed(result)) {
            return null;
        }
        Object message = result.get("message");
        Object next = result.get("next");
        return command + " " + result.get("status") + (message == null ? "" : ": " + message)
                + (next == null ? "" : System.lineSeparator() + "next: " + next);
    }
}
