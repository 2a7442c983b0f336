package io.tdev.ops.api.incident;

/** One diagnosed fact: {@code status} OK / WARN / BAD / UNKNOWN, the value read and the evidence behind it. */
public record Finding(String name, String status, String value, String evidence) {
}
