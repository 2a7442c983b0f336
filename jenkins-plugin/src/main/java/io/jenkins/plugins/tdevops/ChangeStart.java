package io.jenkins.plugins.tdevops;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * When a change the step waits for began, as the {@code startedAt} of {@code finishRollout}: the earliest action of
 * the step's first call. That time is on the engine's clock, the clock the engine measures "waited" against (the same
 * as the controller's against AWS, a virtual one in a simulation); only a result without timed actions falls back to
 * the controller's time when the step started.
 */
final class ChangeStart {
    private ChangeStart() {
    }

    static String of(Map<String, Object> started, long stepStartedMillis) {
        Instant earliest = null;
        if (started.get("actions") instanceof Iterable<?> actions) {
            for (Object action : actions) {
                Instant at = action instanceof Map<?, ?> map ? parse(map.get("at")) : null;
                if (at != null && (earliest == null || at.isBefore(earliest))) {
                    earliest = at;
                }
            }
        }
        return (earliest != null ? earliest : Instant.ofEpochMilli(stepStartedMillis)).toString();
    }

    private static Instant parse(Object at) {
        if (!(at instanceof String text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
