package io.tdev.ops.api.escalation;

import io.tdev.ops.model.InvalidInputException;

import java.time.Instant;
import java.util.List;

/**
 * Tell whom the environment's escalation policy names for a kind of incident.
 *
 * @param kind      P0, P1, P2, security or data-loss (the keys of config {@code escalation.policies})
 * @param subject   one line: what happened ({@code "[production] P0: no healthy target since 09:12"})
 * @param summary   the evidence, a few lines
 * @param startedAt when the incident began: a policy with {@code afterMinutes} is due that long after it
 * @param resolved  the incident is over: a policy not yet due is no longer needed
 * @param noNotify  a drill ({@code --no-notify}): nobody is told, the result says whom it would have told
 */
public record EscalationRequest(String kind, String subject, String summary, Instant startedAt, boolean resolved,
                                boolean noNotify) {
    public static final List<String> KINDS = List.of("P0", "P1", "P2", "security", "data-loss");

    public EscalationRequest {
        if (kind == null || !KINDS.contains(kind)) {
            throw InvalidInputException.notAllowed("kind", kind, KINDS);
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidInputException("subject", "must not be empty: one line saying what happened");
        }
        if (startedAt == null) {
            throw new InvalidInputException("startedAt", "missing: when the incident began (an instant)");
        }
        summary = summary == null ? "" : summary;
    }
}
