package io.tdev.ops.api.security;

import io.tdev.ops.model.InvalidInputException;

/**
 * @param windowHours log events are counted over this many hours before now, and compared with the same span before
 *                    (1..168; the runbook's daily check: 24)
 */
public record SecurityCheckRequest(int windowHours) {
    public static final int DEFAULT_WINDOW_HOURS = 24;
    public static final int MAX_WINDOW_HOURS = 168;

    public SecurityCheckRequest {
        if (windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
            throw new InvalidInputException("windowHours", "got " + windowHours + "; allowed 1.." + MAX_WINDOW_HOURS);
        }
    }

    public static SecurityCheckRequest daily() {
        return new SecurityCheckRequest(DEFAULT_WINDOW_HOURS);
    }
}
