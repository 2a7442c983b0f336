package io.tdev.ops.api.checklist;

/**
 * Status of a checklist item. SKIPPED = not checked (asked to skip, or a dry run that cannot tell), which is not a
 * pass. PLANNED = a dry run's item the real run would pass by doing it (take the backup, notify the team): it counts
 * towards the dry run's {@code wouldPass}, never towards {@code passed}.
 */
public enum ItemStatus { PASS, FAIL, WAIVED, SKIPPED, PLANNED }
