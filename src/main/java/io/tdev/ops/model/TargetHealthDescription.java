package io.tdev.ops.model;

/** One registered target of a target group and its health. */
public record TargetHealthDescription(String targetId, int port, TargetState state, String reason, String description) {
}
