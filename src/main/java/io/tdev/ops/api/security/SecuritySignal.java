package io.tdev.ops.api.security;

/**
 * One finding of the security check, with what it is based on.
 *
 * @param name     {@code failed-logins}, {@code rate-limited}, {@code open-security-groups}, {@code secret-age},
 *                 {@code bucket-public-access}
 * @param value    the number the status was decided on (events, open rules, days), or null when not read
 * @param evidence what was read, the thresholds, and where to look next
 */
public record SecuritySignal(String name, SecurityStatus status, Long value, String evidence) {
}
