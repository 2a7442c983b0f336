package io.tdev.ops.maintenance;

import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.TdevException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's changes, planned before any is made: a dry run returns them as PLANNED actions; a real run applies them
 * in order, recording each as it is done. A failure stops there and says which change failed, how many were made,
 * and what to run to finish (the next run plans only what is still left).
 */
final class Plan {
    private record Change(String what, String target, String before, String after, Runnable apply) {
    }

    private final String task;
    private final Clock clock;
    private final List<Change> changes = new ArrayList<>();

    Plan(String task, Clock clock) {
        this.task = task;
        this.clock = clock;
    }

    Plan add(String what, String target, String before, String after, Runnable apply) {
        changes.add(new Change(what, target, before, after, apply));
        return this;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    int size() {
        return changes.size();
    }

    /** PLANNED (dry run), CHANGED, OK (nothing to change) or FAILED with where it stopped. */
    TaskResult carryOut(boolean dryRun, String summary, List<String> findings) {
        if (changes.isEmpty()) {
            return new TaskResult(task, TaskStatus.OK, summary, findings, List.of());
        }
        List<Action> actions = new ArrayList<>();
        if (dryRun) {
            for (Change c : changes) {
                actions.add(new Action(c.what(), c.target(), c.before(), c.after(), clock.instant(), true));
            }
            return new TaskResult(task, TaskStatus.PLANNED, "dry run: would make " + changes.size() + " change(s); "
                    + summary, findings, actions);
        }
        for (Change c : changes) {
            try {
                c.apply().run();
            } catch (TdevException e) {
                return new TaskResult(task, TaskStatus.FAILED, "stopped at " + c.what() + " of " + c.target() + " after "
                        + actions.size() + " of " + changes.size() + " change(s): " + e.getMessage()
                        + "; run `tdev-ops maintenance --tasks " + task + "` again to finish the rest", findings, actions);
            }
            actions.add(new Action(c.what(), c.target(), c.before(), c.after(), clock.instant(), false));
        }
        return new TaskResult(task, TaskStatus.CHANGED, summary, findings, actions);
    }
}
