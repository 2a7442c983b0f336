package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tdev.ops.api.DefaultTdevOps;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tdevPreDeployChecklist}: the runbook's six pre-deploy items with evidence (tests, image scan, backup,
 * rollback plan, monitoring, team notified), each PASS / FAIL / WAIVED / SKIPPED. Returns passed, items, junitXml,
 * markdown. A failed checklist is a result ({@code passed: false}); the gate is the caller's.
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
        return new Execution(context, connection(), testReports, StepArgs.create()
                .put("image", image).put("backupMaxAgeHours", backupMaxAgeHours).put("takeBackup", takeBackup)
                .put("scanSeverity", scanSeverity).put("waive", Waiver.toMap(waive)).put("waivedBy", waivedBy).put("skip", skip)
                .put("notify", notify).put("message", message).put("dryRun", dryRun)
                .put("scanTimeoutMinutes", scanTimeoutMinutes)
                .toMap());
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient Connection connection;
        private final transient String testReports;
        private final transient Map<String, Object> args;

        Execution(StepContext context, Connection connection, String testReports, Map<String, Object> args) {
            super(context);
            this.connection = connection;
            this.testReports = testReports;
            this.args = args;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Path reports = null;
            try {
                Map<String, Object> callArgs = new LinkedHashMap<>(args);
                if (testReports != null) {
                    reports = WorkspaceReports.copyToController(getContext().get(FilePath.class), testReports,
                            getContext().get(TaskListener.class));
                    callArgs.put("testReports", reports.toString());
                }
                try (OpenedTdevOps opened = TdevOpsFactory.open(getContext(), connection)) {
                    Map<String, Object> result = PlainData.copy(new DefaultTdevOps(opened.context()).preDeployChecklist(callArgs));
                    TdevResultsAction.record(getContext().get(Run.class), ResultEntry.checklist(result));
                    return result;
                }
            } catch (TdevException e) {
                throw new AbortException(e.getMessage());
            } finally {
                WorkspaceReports.delete(reports);
            }
        }
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
