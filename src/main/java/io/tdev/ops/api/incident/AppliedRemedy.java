package io.tdev.ops.api.incident;

import java.util.List;

/**
 * A remedy that ran: its status as the use case that applied it reports it (COMPLETED, PLANNED, DONE, FAILED ...),
 * a short note, and that use case's audit trail.
 */
public record AppliedRemedy(String remedy, String status, String note, List<Object> actions) {
    public AppliedRemedy {
        actions = List.copyOf(actions);
    }

    public boolean failed() {
        return List.of("FAILED", "TIMED_OUT", "ABANDONED").contains(status);
    }
}
