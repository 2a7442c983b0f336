package io.tdev.ops.api.security;

/** @param dryRun return the plan the real run applies; change nothing */
public record RotateSecretRequest(boolean dryRun) {
}
