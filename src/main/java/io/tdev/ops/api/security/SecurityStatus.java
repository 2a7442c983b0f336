package io.tdev.ops.api.security;

/**
 * The verdict of the daily security check and of each of its signals. A signal that cannot be read is UNKNOWN,
 * never OK: an unread signal may hide a finding. The verdict is the worst signal, CRITICAL above UNKNOWN above
 * WARNING above OK.
 */
public enum SecurityStatus {
    OK, WARNING, UNKNOWN, CRITICAL;

    /** The worse of two. */
    public SecurityStatus worst(SecurityStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
