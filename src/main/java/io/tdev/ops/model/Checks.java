package io.tdev.ops.model;

/** Argument checks: a blank required field, an empty time range, is invalid input that names the field. */
public final class Checks {
    private Checks() {
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return value;
    }

    /** A time range [from, to) that is empty or reversed is invalid input naming {@code from}. */
    public static void range(java.time.Instant from, java.time.Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("from", "got " + from + "; must be before to (" + to + ")");
        }
    }
}
