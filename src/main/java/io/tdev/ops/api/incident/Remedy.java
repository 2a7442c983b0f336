package io.tdev.ops.api.incident;

import io.tdev.ops.api.PlainValues;

/**
 * A proposed remedy: which, why (the evidence that calls for it), the exact command that applies it by hand, and for
 * {@code restart-agent} the agent it restarts (applying reads this, never the command text).
 */
public record Remedy(String remedy, String why, String command, @PlainValues.OmittedWhenNull String agent) {
    public Remedy(String remedy, String why, String command) {
        this(remedy, why, command, null);
    }
}
