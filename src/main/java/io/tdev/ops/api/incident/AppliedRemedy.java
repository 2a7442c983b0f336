package io.tdev.ops.api.incident;

import java.util.List;

/**
 * A remedy that ran: its status as the use case that applied it reports it (COMPLETED, PLANNED, DONE, FAILED ...),
 * whether it finished as asked ({@code ok}: that use case's own {@code ok()}, so which statuses count as finished is
 * decided where the status is made, not again here), a short note, and that use case's audit trail.
 */
public record AppliedRemedy(String remedy, String status, boolean ok, String note, List<Object> actions) {
    public AppliedRemedy {
        actions = List.copyOf(actions);
    }

    /** A remedy that could not be applied at all (the use case refused or failed before a result). */
    public static AppliedRemedy failed(String remedy, String note) {
        return new AppliedRemedy(remedy, "FAILED", false, note, List.of());
    }
}
