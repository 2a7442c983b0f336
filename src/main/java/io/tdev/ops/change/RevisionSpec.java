package io.tdev.ops.change;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TaskDefinitionRef;

/**
 * A task-definition revision as a person names it: a bare revision number (of the service's family),
 * {@code family:revision}, or a task-definition ARN.
 */
public final class RevisionSpec {
    static final String FORMS = "REVISION (a number), FAMILY:REVISION, or arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION";

    private RevisionSpec() {
    }

    /** Resolves {@code text} against {@code family} (used for bare numbers); errors name {@code field}. */
    public static TaskDefinitionRef parse(String text, String field, String family) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must not be empty; allowed forms: " + FORMS);
        }
        String t = text.trim();
        if (t.matches("[0-9]{1,9}")) {
            int revision = Integer.parseInt(t);
            if (revision < 1) {
                throw new InvalidInputException(field, "revision must be 1 or more, got " + t);
            }
            return new TaskDefinitionRef(family, revision);
        }
        if (!TaskDefinitionRef.looksLikeRef(t)) {
            throw new InvalidInputException(field, "got '" + text + "'; allowed forms: " + FORMS);
        }
        return TaskDefinitionRef.parse(t);
    }
}
