package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.backup.RestoreRequest;
import io.tdev.ops.api.backup.RestoreUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevRestore}: restores {@code backup} (latest or an ARN) into the NEW table {@code targetTable} (an existing
 * table and the live one are refused), waits until ACTIVE, verifies the item count. Returns backupArn, restoredTable,
 * itemCount, verified, actions, status, next (how to switch over: not done here).
 */
public class TdevRestoreStep extends TdevPlannedStep {
    private final String targetTable;
    private String backup = RestoreRequest.LATEST;

    @DataBoundConstructor
    public TdevRestoreStep(String targetTable) {
        this.targetTable = Util.fixEmptyAndTrim(targetTable);
    }

    public String getTargetTable() {
        return targetTable;
    }

    public String getBackup() {
        return backup;
    }

    @DataBoundSetter
    public void setBackup(String backup) {
        this.backup = Util.fixEmptyAndTrim(backup);
    }

    @Override
    public StepExecution start(StepContext context) {
        String from = backup;
        String into = targetTable;
        boolean planOnly = isDryRun();
        return new OutcomeExecution(context, connection(),
                ops -> RestoreUseCase.over(ops).run(new RestoreRequest(from, into, planOnly)));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevRestore";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: restore a DynamoDB backup into a new table and verify it";
        }
    }
}
