package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.TaskListener;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.time.Duration;
import java.util.List;

/**
 * {@code tdevPreDeployChecklist}: the runbook's six pre-deploy items with evidence (tests, image scan, backup,
 * rollback plan, monitoring, team notified), each PASS / FAIL / WAIVED / SKIPPED ({@code ChecklistUseCase}; the
 * test reports are read in the workspace, see {@link WorkspaceReports}). Returns the CLI's {@code checklist} JSON as
 * a map: passed, items, junitXml, markdown, ... A failed checklist is a result ({@code passed: false}); the gate is
 * the caller's.
 */
public class TdevPreDeployChecklistStep extends TdevStep {
    private String image;
    private String testReports;
    private Integer backupMaxAgeHours;
    private Boolean takeBackup;
    private String scanSeverity;
    private List<Waiver> waive;
    private String waivedBy;
    private List<String> skip;
    private Boolean notify;
    private String message;
    private Boolean dryRun;
    private Integer scanTimeoutMinutes;

    @DataBoundConstructor
    public TdevPreDeployChecklistStep() { }

    public String getImage() { return image; }
    @DataBoundSetter
    public void setImage(String image) { this.image = Util.fixEmptyAndTrim(image); }

    public String getTestReports() { return testReports; }
    @DataBoundSetter
    public void setTestReports(String testReports) { this.testReports = Util.fixEmptyAndTrim(testReports); }

    public Integer getBackupMaxAgeHours() { return backupMaxAgeHours; }
    @DataBoundSetter
    public void setBackupMaxAgeHours(Integer backupMaxAgeHours) { this.backupMaxAgeHours = backupMaxAgeHours; }

    public Boolean getTakeBackup() { return takeBackup; }
    @DataBoundSetter
    public void setTakeBackup(Boolean takeBackup) { this.takeBackup = takeBackup; }

    public String getScanSeverity() { return scanSeverity; }
    @DataBoundSetter
    public void setScanSeverity(String scanSeverity) { this.scanSeverity = Util.fixEmptyAndTrim(scanSeverity); }

    public List<Waiver> getWaive() { return waive; }
    @DataBoundSetter
    public void setWaive(List<Waiver> waive) { this.waive = waive == null || waive.isEmpty() ? null : List.copyOf(waive); }

    public String getWaivedBy() { return waivedBy; }
    @DataBoundSetter
    public void setWaivedBy(String waivedBy) { this.waivedBy = Util.fixEmptyAndTrim(waivedBy); }

    public List<String> getSkip() { return skip; }
    @DataBoundSetter
    public void setSkip(List<String> skip) { this.skip = skip == null || skip.isEmpty() ? null : List.copyOf(skip); }

    public Boolean getNotify() { return notify; }
    @DataBoundSetter
    public void setNotify(Boolean notify) { this.notify = notify; }

    public String getMessage() { return message; }
    @DataBoundSetter
    public void setMessage(String message) { this.message = Util.fixEmptyAndTrim(message); }

    public Boolean getDryRun() { return dryRun; }
    @DataBoundSetter
    public void setDryRun(Boolean dryRun) { this.dryRun = dryRun; }

    public Integer getScanTimeoutMinutes() { return scanTimeoutMinutes; }
    @DataBoundSetter
    public void setScanTimeoutMinutes(Integer scanTimeoutMinutes) { this.scanTimeoutMinutes = scanTimeoutMinutes; }

    @Override
    public StepExecution start(StepContext context) {
        return new OutcomeExecution(context, connection(), c -> ChecklistUseCase.over(WorkspaceReports.over(c,
                context.get(FilePath.class), context.get(TaskListener.class), testReports)).run(request()),
                ResultEntry::checklist);
    }

    /** Built when the step runs: a bad argument ends it with the engine's message (no stack trace), nothing read. */
    private ChecklistRequest request() {
        return new ChecklistRequest(image, testReports, backupMaxAgeHours, Boolean.TRUE.equals(takeBackup),
                ChecklistRequest.scanSeverity(scanSeverity), Waiver.toMap(waive), waivedBy, skip,
                !Boolean.FALSE.equals(notify), message, Boolean.TRUE.equals(dryRun),
                scanTimeoutMinutes == null ? null : Duration.ofMinutes(scanTimeoutMinutes));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevPreDeployChecklist";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: pre-deploy checklist (tests, scan, backup, rollback plan, monitoring, team)";
        }
    }
}
