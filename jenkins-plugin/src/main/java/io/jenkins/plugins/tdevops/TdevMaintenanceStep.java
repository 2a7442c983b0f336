package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tdevMaintenance}: the monthly maintenance tasks. Returns the CLI's {@code maintenance} JSON as a map:
 * passed, dryRun, tasks [name, status, summary, findings, actions], checklist [item, checked, evidence], markdown.
 * Findings are a result (passed false), not a failure; {@code dryRun: true} changes nothing.
 */
public class TdevMaintenanceStep extends TdevPlannedStep {
    private List<String> tasks = new ArrayList<>();
    private Integer retentionDays;
    private Integer staleDays;
    private Integer keepRevisions;
    private boolean applyLifecycle;

    @DataBoundConstructor
    public TdevMaintenanceStep() {
    }

    public List<String> getTasks() {
        return tasks;
    }

    @DataBoundSetter
    public void setTasks(List<String> tasks) {
        this.tasks = tasks == null ? new ArrayList<>() : new ArrayList<>(tasks);
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    @DataBoundSetter
    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }

    public Integer getStaleDays() {
        return staleDays;
    }

    @DataBoundSetter
    public void setStaleDays(Integer staleDays) {
        this.staleDays = staleDays;
    }

    public Integer getKeepRevisions() {
        return keepRevisions;
    }

    @DataBoundSetter
    public void setKeepRevisions(Integer keepRevisions) {
        this.keepRevisions = keepRevisions;
    }

    public boolean isApplyLifecycle() {
        return applyLifecycle;
    }

    @DataBoundSetter
    public void setApplyLifecycle(boolean applyLifecycle) {
        this.applyLifecycle = applyLifecycle;
    }

    @Override
    public StepExecution start(StepContext context) {
        // validated here, before the engine is opened
        MaintenanceRequest request = new MaintenanceRequest(tasks, isDryRun(), retentionDays, staleDays, keepRevisions,
                applyLifecycle);
        return new OutcomeExecution(context, connection(), c -> MaintenanceUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevMaintenance";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: monthly maintenance (log retention, image scans, stale objects, revisions, backups)";
        }
    }
}
