package io.tdev.ops.sim;

import java.time.Instant;

/** A message published to the simulated SNS topic, as a subscriber would receive it. */
public record SimNotification(String topic, String subject, String message, String messageId, Instant at) {
}
