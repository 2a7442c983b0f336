package io.tdev.ops.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a mutating use case's result status: did it do what was asked? */
final class Outcomes {
    private static final Set<String> FAILED = Set.of("FAILED", "TIMED_OUT", "TIMEOUT", "ROLLED_BACK", "STOPPED",
            "UNSTABLE");

    private Outcomes() {
    }

    static boolean failed(Map<String, Object> result) {
        Object status = result.get("status");
        return status != null && FAILED.contains(status.toString().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
