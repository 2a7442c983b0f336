package io.tdev.ops.api.incident;

/** A proposed remedy: which, why (the evidence that calls for it), and the exact command that applies it by hand. */
public record Remedy(String remedy, String why, String command) {
}
