package io.tdev.ops.model;

import java.util.Collection;

/** Invalid input: a field had a value outside what is allowed. Nothing was touched. */
public final class InvalidInputException extends TdevException {
    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem, null);
        this.field = field;
    }

    /** "field: got 'x'; allowed values: a, b, c". */
    public static InvalidInputException notAllowed(String field, Object got, Collection<?> allowed) {
        return new InvalidInputException(field, "got '" + got + "'; allowed values: "
                + String.join(", ", allowed.stream().map(String::valueOf).toList()));
    }

    public String field() {
        return field;
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
