package io.tdev.ops.api.escalation;

import java.time.Instant;
import java.util.List;

/**
 * One escalation step of a policy.
 *
 * @param level     the kind of incident whose policy it is (P0, P1, security ...)
 * @param to        who, as configured
 * @param channel   where: {@code sns:TOPIC} or {@code webhook:HOST} (a webhook's path is its secret: never shown)
 * @param status    NOTIFIED, PENDING (due at {@code dueAt}, not yet), NOT_NEEDED (resolved before it was due),
 *                  SKIPPED (a drill: --no-notify), FAILED ({@code detail} says why)
 * @param dueAt     when the policy says to tell them
 * @param messageId the SNS message id, or the webhook's HTTP status; null when nothing was sent
 * @param detail    why it failed or was skipped, or null
 */
public record Notice(String level, List<String> to, String channel, String status, Instant dueAt, String messageId,
                     String detail) {
    public Notice {
        to = List.copyOf(to);
    }
}
