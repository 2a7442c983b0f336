package io.tdev.ops.api.maintenance;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;

import java.util.List;

/**
 * The monthly maintenance's result; its components are the JSON contract ({@code maintenance --output json},
 * the {@code tdevMaintenance} step's return value).
 *
 * @param ok        same as {@code passed}
 * @param passed    no task FAILED and none has FINDINGS
 * @param dryRun    nothing was changed; PLANNED tasks say what a real run does
 * @param tasks     one entry per task run, in order
 * @param checklist the runbook's monthly checklist, items the tool could check filled in with evidence
 * @param markdown  tables and the checklist for people
 */
public record MaintenanceResult(boolean ok, boolean passed, boolean dryRun, List<TaskResult> tasks,
                                List<ChecklistItem> checklist, String markdown) implements Outcome {
    public MaintenanceResult {
        tasks = List.copyOf(tasks);
        checklist = List.copyOf(checklist);
    }

    public TaskResult task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task " + name));
    }

    /** OK nothing to do; CHANGED changes applied; PLANNED changes a real run applies; FINDINGS needs a person. */
    public enum TaskStatus { OK, CHANGED, PLANNED, FINDINGS, FAILED, SKIPPED }

    /**
     * @param summary  one line for people
     * @param findings what was found (one line each)
     * @param actions  every change made (or, PLANNED, to be made): the audit trail
     */
    public record TaskResult(String name, TaskStatus status, String summary, List<String> findings,
                             List<Action> actions) {
        public TaskResult {
            findings = List.copyOf(findings);
            actions = List.copyOf(actions);
        }
    }

    /** One line of the monthly checklist: checked by the tool (with evidence) or left for a person. */
    public record ChecklistItem(String item, boolean checked, String evidence) {
    }
}
