package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;

import java.util.Locale;

/**
 * Where a rollback goes, parsed once where it comes in: {@code last-known-good} (the default: the newest ACTIVE
 * revision tagged known-good), {@code previous} (the deployment before the current one), or a {@link Revision}.
 *
 * @param revision the revision for {@link Kind#REVISION}, else null
 * @param text     the target as the caller wrote it (trimmed): the result's {@code target}
 */
public record RollbackTarget(Kind kind, Revision revision, String text) {
    public static final String LAST_KNOWN_GOOD = "last-known-good";
    public static final String PREVIOUS = "previous";

    public enum Kind { LAST_KNOWN_GOOD, PREVIOUS, REVISION }

    public RollbackTarget {
        if (kind == null || (kind == Kind.REVISION) != (revision != null) || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a rollback target is made by RollbackTarget.parse");
        }
    }

    /** null or blank = {@code last-known-good}; anything else not of the forms is refused naming {@code target}. */
    public static RollbackTarget parse(String text) {
        if (text == null || text.isBlank()) {
            return new RollbackTarget(Kind.LAST_KNOWN_GOOD, null, LAST_KNOWN_GOOD);
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(LAST_KNOWN_GOOD)) {
            return new RollbackTarget(Kind.LAST_KNOWN_GOOD, null, t);
        }
        if (lower.equals(PREVIOUS)) {
            return new RollbackTarget(Kind.PREVIOUS, null, t);
        }
        if (!Revision.hasForm(t)) {
            throw new InvalidInputException("target", "got '" + t + "'; allowed: " + LAST_KNOWN_GOOD + " (default), "
                    + PREVIOUS + ", " + Revision.FORMS);
        }
        Revision revision = Revision.parse("target", t);
        return new RollbackTarget(Kind.REVISION, revision, t);
    }

    @Override
    public String toString() {
        return text;
    }
}
