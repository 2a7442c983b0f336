package io.tdev.ops.api.checklist;

import java.util.List;
import java.util.Map;

/**
 * One item of the pre-deploy checklist: its status, the evidence, and for a waiver the reason and who waived it.
 * The names are the runbook's six items, in its order ({@link #NAMES}); the components are the JSON keys.
 */
public record ChecklistItem(String name, String title, ItemStatus status, String evidence, String reason, String by) {
    public static final String TESTS_PASSED = "tests-passed";
    public static final String IMAGE_SCAN = "image-scan";
    public static final String BACKUP = "backup";
    public static final String ROLLBACK_PLAN = "rollback-plan";
    public static final String MONITORING = "monitoring";
    public static final String TEAM_NOTIFIED = "team-notified";
    /** Every item, in the order the checklist checks and reports them. */
    public static final List<String> NAMES = List.of(TESTS_PASSED, IMAGE_SCAN, BACKUP, ROLLBACK_PLAN, MONITORING,
            TEAM_NOTIFIED);
    private static final Map<String, String> TITLES = Map.of(TESTS_PASSED, "All tests pass", IMAGE_SCAN,
            "Security scan done", BACKUP, "Backup done", ROLLBACK_PLAN, "Rollback plan ready", MONITORING,
            "Monitoring ready", TEAM_NOTIFIED, "Team notified");

    /** The runbook's words for an item ("Backup done"). */
    public static String title(String name) {
        return TITLES.getOrDefault(name, name);
    }

    public static ChecklistItem pass(String name, String evidence) {
        return new ChecklistItem(name, title(name), ItemStatus.PASS, evidence, null, null);
    }

    public static ChecklistItem fail(String name, String evidence) {
        return new ChecklistItem(name, title(name), ItemStatus.FAIL, evidence, null, null);
    }

    public static ChecklistItem skipped(String name, String evidence) {
        return new ChecklistItem(name, title(name), ItemStatus.SKIPPED, evidence, null, null);
    }

    /** A dry run's item that the real run would make PASS by doing it (take the backup, notify the team). */
    public static ChecklistItem planned(String name, String evidence) {
        return new ChecklistItem(name, title(name), ItemStatus.PLANNED, evidence, null, null);
    }

    public static ChecklistItem waived(String name, String reason, String by) {
        return new ChecklistItem(name, title(name), ItemStatus.WAIVED, "waived by " + by + ": " + reason, reason, by);
    }
}
