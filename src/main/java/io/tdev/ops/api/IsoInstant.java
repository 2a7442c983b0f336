package io.tdev.ops.api;

import io.tdev.ops.model.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An instant as the front ends take it (a step argument, a CLI option): ISO-8601 text such as
 * {@code 2026-01-31T09:00:00Z}. The one parser, so every front end words a bad value the same way.
 */
public final class IsoInstant {
    private IsoInstant() {
    }

    /**
     * @param field the argument's name (the CLI option's camelCase), named in the error
     * @return null for null or blank text (the caller's default applies)
     * @throws InvalidInputException naming {@code field} and the allowed form
     */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "got '" + text + "'; allowed: an ISO-8601 instant such as "
                    + "2026-01-31T09:00:00Z");
        }
    }
}
