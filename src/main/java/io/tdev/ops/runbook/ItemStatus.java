package io.tdev.ops.runbook;

/** Status of a checklist item. SKIPPED = not checked (asked to skip, or a dry run), which is not a pass. */
public enum ItemStatus { PASS, FAIL, WAIVED, SKIPPED }
