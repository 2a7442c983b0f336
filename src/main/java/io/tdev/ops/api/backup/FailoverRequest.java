package io.tdev.ops.api.backup;

import io.tdev.ops.model.InvalidInputException;

import java.util.List;

/**
 * @param to     {@code secondary} (fail over) or {@code primary} (fail back)
 * @param dryRun show the record change (before → after, TTL) and change nothing
 */
public record FailoverRequest(String to, boolean dryRun) {
    public static final List<String> TARGETS = List.of("secondary", "primary");

    public FailoverRequest {
        if (to == null || !TARGETS.contains(to)) {
            throw InvalidInputException.notAllowed("to", to, TARGETS);
        }
    }

    public boolean toSecondary() {
        return to.equals("secondary");
    }
}
