package io.tdev.ops.model;

/** ECR finding severities, most severe first. */
public enum Severity { CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED;

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
