package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.security.LockdownBucketRequest;
import io.tdev.ops.api.security.LockdownBucketUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevLockdownBucket}: the emergency deny-all policy on the projects bucket (the replaced policy saved in
 * Secrets Manager), or with {@code restore: true} the saved policy put back. Returns the CLI's
 * {@code lockdown-bucket} JSON as a map: bucket, mode, status, savedIn, hadPolicy, message, next, actions.
 */
public class TdevLockdownBucketStep extends TdevPlannedStep {
    private boolean restore;

    @DataBoundConstructor
    public TdevLockdownBucketStep() {
    }

    public boolean isRestore() {
        return restore;
    }

    @DataBoundSetter
    public void setRestore(boolean restore) {
        this.restore = restore;
    }

    @Override
    public StepExecution start(StepContext context) {
        LockdownBucketRequest request = new LockdownBucketRequest(restore, isDryRun());
        return new OutcomeExecution(context, connection(), c -> LockdownBucketUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevLockdownBucket";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: lock the projects bucket down (deny all but break-glass), or restore its policy";
        }
    }
}
