package io.tdev.ops.model;

/** Argument checks for records: a blank required field is invalid input that names the field. */
public final class Checks {
    private Checks() {
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return value;
    }
}
