package io.tdev.ops.model;

import java.util.List;

/** Events found by a filter; {@code truncated} when the event or page cap stopped the search early. */
public record LogEvents(List<LogEvent> events, boolean truncated) {
    public LogEvents {
        events = List.copyOf(events);
    }
}
