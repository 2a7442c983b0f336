package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackUseCase;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevRollback}: back to {@code last-known-good} (default), {@code previous}, a revision number,
 * FAMILY:REVISION or an ARN, then waits (resumably) for the service to be stable. Returns from, to, status, actions,
 * notification (and stability, after a wait).
 */
public class TdevRollbackStep extends TdevMutationStep {
    private String target;
    private String reason;
    private Boolean notify;

    @DataBoundConstructor
    public TdevRollbackStep() {
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = Util.fixEmptyAndTrim(target);
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = Util.fixEmptyAndTrim(reason);
    }

    public Boolean getNotify() {
        return notify;
    }

    @DataBoundSetter
    public void setNotify(Boolean notify) {
        this.notify = notify;
    }

    /** The rollback the step starts: without waiting (the step waits), notifying unless {@code notify: false}. */
    RollbackRequest request() {
        return RollbackRequest.of(target, reason, false, timeout(), !Boolean.FALSE.equals(notify), isDryRun());
    }

    @Override
    ChangeResult change(OpsContext context) {
        return RollbackUseCase.over(context).run(request());
    }

    @Override
    Mutation mutation() {
        return Mutation.ROLLBACK;
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevRollback";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: roll back the ECS service and wait until it is stable";
        }
    }
}
