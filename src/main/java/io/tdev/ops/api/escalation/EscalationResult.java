package io.tdev.ops.api.escalation;

import io.tdev.ops.api.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * Whom the policy named and what happened to each notice. {@code ok()} unless a notice FAILED. {@code nextDueAt}:
 * the earliest PENDING notice (a job waits until then and asks again), or null.
 */
public record EscalationResult(String kind, List<Notice> escalation, Instant nextDueAt) implements Outcome {
    public EscalationResult {
        escalation = List.copyOf(escalation);
    }

    @Override
    public boolean ok() {
        return escalation.stream().noneMatch(n -> n.status().equals("FAILED"));
    }

    /** The people told (NOTIFIED), for "whom it notified". */
    public List<String> notified() {
        return escalation.stream().filter(n -> n.status().equals("NOTIFIED")).flatMap(n -> n.to().stream()).toList();
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("| level | to | channel | status | due | detail |\n|---|---|---|---|---|---|\n");
        if (escalation.isEmpty()) {
            md.append("| ").append(kind).append(" | (no policy configured for it) | | | | |\n");
        }
        for (Notice n : escalation) {
            md.append("| ").append(n.level()).append(" | ").append(String.join(", ", n.to())).append(" | `")
                    .append(n.channel()).append("` | ").append(n.status()).append(" | ").append(n.dueAt()).append(" | ")
                    .append(n.detail() == null ? "" : n.detail().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
