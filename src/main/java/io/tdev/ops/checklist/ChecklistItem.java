package io.tdev.ops.checklist;

import java.util.LinkedHashMap;
import java.util.Map;

/** One checklist item: its status, the evidence, and for a waiver the reason and who waived it. */
public record ChecklistItem(String name, String title, ItemStatus status, String evidence, String reason, String by) {

    public static ChecklistItem pass(String name, String evidence) {
        return new ChecklistItem(name, PreDeployChecklist.title(name), ItemStatus.PASS, evidence, null, null);
    }

    public static ChecklistItem fail(String name, String evidence) {
        return new ChecklistItem(name, PreDeployChecklist.title(name), ItemStatus.FAIL, evidence, null, null);
    }

    public static ChecklistItem skipped(String name, String evidence) {
        return new ChecklistItem(name, PreDeployChecklist.title(name), ItemStatus.SKIPPED, evidence, null, null);
    }

    /** A dry run's item that the real run would make PASS by doing it (take the backup, notify the team). */
    public static ChecklistItem planned(String name, String evidence) {
        return new ChecklistItem(name, PreDeployChecklist.title(name), ItemStatus.PLANNED, evidence, null, null);
    }

    public static ChecklistItem waived(String name, String reason, String by) {
        return new ChecklistItem(name, PreDeployChecklist.title(name), ItemStatus.WAIVED,
                "waived by " + by + ": " + reason, reason, by);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("title", title);
        m.put("status", status.name());
        m.put("evidence", evidence);
        m.put("reason", reason);
        m.put("by", by);
        return m;
    }
}
