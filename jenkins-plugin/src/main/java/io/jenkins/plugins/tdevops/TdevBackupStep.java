package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.backup.BackupRequest;
import io.tdev.ops.api.backup.BackupUseCase;
import io.tdev.ops.api.backup.ListBackupsRequest;
import io.tdev.ops.api.backup.ListBackupsUseCase;
import io.tdev.ops.model.InvalidInputException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevBackup}: an on-demand backup of the metadata table, waited for until AVAILABLE ({@code verify}: compared
 * with the table); {@code list: true} lists the backups instead. Returns the CLI's JSON keys: backupArn, name, status,
 * itemCount, tableItemCount, verified, actions (or table, total, backups).
 */
public class TdevBackupStep extends TdevPlannedStep {
    private boolean verify;
    private boolean list;
    private int limit = 20;

    @DataBoundConstructor
    public TdevBackupStep() {
    }

    public boolean isVerify() {
        return verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    public boolean isList() {
        return list;
    }

    @DataBoundSetter
    public void setList(boolean list) {
        this.list = list;
    }

    public int getLimit() {
        return limit;
    }

    @DataBoundSetter
    public void setLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public StepExecution start(StepContext context) {
        boolean listing = list;
        boolean verifying = verify;
        boolean planOnly = isDryRun();
        int most = limit;
        return new OutcomeExecution(context, connection(), ops -> {
            if (listing) {
                if (verifying || planOnly) {
                    throw new InvalidInputException("list", "lists only; drop " + (verifying ? "verify" : "dryRun"));
                }
                return ListBackupsUseCase.over(ops).run(new ListBackupsRequest(most));
            }
            return BackupUseCase.over(ops).run(new BackupRequest(verifying, planOnly));
        });
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevBackup";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: on-demand DynamoDB backup (wait until AVAILABLE, verify) or list the backups";
        }
    }
}
