package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.ChecklistItem;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskStatus;
import io.tdev.ops.api.maintenance.MaintenanceUseCase;
import io.tdev.ops.model.TdevException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly maintenance: runs the asked tasks in order (each plans before it changes anything), then fills in
 * the runbook's monthly checklist from what they found. A task whose reads fail is FAILED with why, and the others
 * still run: one unreadable repository does not stop the log retention.
 */
public final class MonthlyMaintenance implements MaintenanceUseCase {
    private final OpsContext context;
    private final Map<String, MaintenanceTask> tasks = new LinkedHashMap<>();

    public MonthlyMaintenance(OpsContext context) {
        this.context = context;
        for (MaintenanceTask task : List.of(new LogRetentionTask(context), new ImageScanTask(context),
                new StaleObjectsTask(context), new TaskDefinitionsTask(context), new BackupIntegrityTask(context))) {
            tasks.put(task.name(), task);
        }
    }

    @Override
    public MaintenanceResult run(MaintenanceRequest asked) throws InterruptedException {
        MaintenanceRequest request = asked.withDefaults(context.config().schedule().maintenance());
        List<TaskResult> results = new ArrayList<>();
        for (String name : request.tasksToRun()) {
            context.progress().report("maintenance: " + name + (request.dryRun() ? " (dry run)" : ""));
            results.add(runOne(tasks.get(name), request));
        }
        boolean passed = results.stream().noneMatch(r -> r.status() == TaskStatus.FAILED || r.status() == TaskStatus.FINDINGS);
        List<ChecklistItem> checklist = MonthlyChecklist.of(results);
        String markdown = MaintenanceMarkdown.render(request, results, checklist);
        return new MaintenanceResult(passed, passed, request.dryRun(), results, checklist, markdown);
    }

    private TaskResult runOne(MaintenanceTask task, MaintenanceRequest request) throws InterruptedException {
        try {
            return task.run(request);
        } catch (TdevException e) {
            return new TaskResult(task.name(), TaskStatus.FAILED, e.getMessage(), List.of(), List.of());
        }
    }
}
