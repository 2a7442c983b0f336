package io.tdev.ops.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a mutating use case's result status: did it do what was asked? */
final class Outcomes {
    /** The engine's ChangeStatus values for "changed, but did not end as asked". */
    private static final Set<String> FAILED = Set.of("FAILED", "TIMED_OUT", "ABANDONED");

    private Outcomes() {
    }

    static boolean failed(Map<String, Object> result) {
        Object status = result.get("status");
        return status != null && FAILED.contains(status.toString().toUpperCase(Locale.ROOT).replace('-', '_'));
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
