package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TaskDefinitionRef;

/**
 * A task-definition revision as a person names it, parsed once where it comes in: a bare number (of the service's
 * family, known only when the service is read: {@link #in}), {@code FAMILY:NUMBER}, or a task-definition ARN (the
 * forms {@link TaskDefinitionRef#parse} knows).
 *
 * @param family the family, or null for a bare number (the service's own family)
 */
public record Revision(String family, int number) {
    public static final String FORMS = "REVISION (a number), FAMILY:REVISION, or"
            + " arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION";
    private static final int MAX_DIGITS = 9;

    public Revision {
        if (number < 1) {
            throw new InvalidInputException("revision", "revision must be 1 or more, got " + number);
        }
    }

    /** Parses {@code text}; errors name {@code field} (the caller's argument: {@code target}, {@code revision}). */
    public static Revision parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must not be empty; allowed forms: " + FORMS);
        }
        String t = text.trim();
        if (isNumber(t)) {
            int number = Integer.parseInt(t);
            if (number < 1) {
                throw new InvalidInputException(field, "revision must be 1 or more, got " + t);
            }
            return new Revision(null, number);
        }
        if (!hasForm(t)) {
            throw new InvalidInputException(field, "got '" + text + "'; allowed forms: " + FORMS);
        }
        TaskDefinitionRef ref = TaskDefinitionRef.parse(t);
        return new Revision(ref.family(), ref.revision());
    }

    /** {@code text} is written in one of the {@link #FORMS} (a number may still be out of range). */
    static boolean hasForm(String text) {
        String t = text.trim();
        return isNumber(t) || TaskDefinitionRef.looksLikeRef(t);
    }

    private static boolean isNumber(String t) {
        return !t.isEmpty() && t.length() <= MAX_DIGITS && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The task definition this names, a bare number resolved in the service's {@code serviceFamily}. */
    public TaskDefinitionRef in(String serviceFamily) {
        return new TaskDefinitionRef(family != null ? family : serviceFamily, number);
    }

    @Override
    public String toString() {
        return family == null ? String.valueOf(number) : family + ":" + number;
    }
}
