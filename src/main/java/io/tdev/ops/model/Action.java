package io.tdev.ops.model;

import java.time.Instant;

/**
 * One entry of the audit trail: what was (or, in a dry run, would be) changed, on what, from which
 * state to which, and when.
 */
public record Action(String what, String target, String before, String after, Instant at, boolean dryRun) {
}
