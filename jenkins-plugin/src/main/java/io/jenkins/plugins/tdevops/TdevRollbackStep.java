package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.TdevOps;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Map;

/**
 * {@code tdevRollback}: back to {@code last-known-good} (default), {@code previous}, a revision number,
 * FAMILY:REVISION or an ARN, then waits (resumably) for the service to be stable. Returns from, to, status, actions,
 * notification (and stability, after a wait).
 */
public class TdevRollbackStep extends TdevStep {
    private String target;
    private String reason;
    private Boolean wait;
    private Integer timeoutMinutes;
    private Boolean notify;
    private Boolean dryRun;

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

    public Boolean getWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(Boolean wait) {
        this.wait = wait;
    }

    public Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    public Boolean getNotify() {
        return notify;
    }

    @DataBoundSetter
    public void setNotify(Boolean notify) {
        this.notify = notify;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, connection(), StepArgs.create()
                .put("target", target)
                .put("reason", reason)
                .put("wait", wait)
                .put("timeoutMinutes", timeoutMinutes)
                .put("notify", notify)
                .put("dryRun", dryRun)
                .toMap());
    }

    static final class Execution extends RolloutWaitExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, Connection connection, Map<String, Object> args) {
            super(context, "tdevRollback", "rollback", connection, args);
        }

        @Override
        protected Map<String, Object> mutate(TdevOps ops, Map<String, Object> args) {
            return ops.rollback(args);
        }

        @Override
        protected Map<String, Object> expectation(Map<String, Object> started) {
            return StepArgs.create().put("revision", started.get("to")).toMap();
        }

        @Override
        protected String nextSteps(Map<String, Object> started) {
            return "Next: check it with tdevHealthCheck; run tdevRollback again with the same target to keep waiting "
                    + "(it is idempotent), or tdevRollback(target: '" + started.get("from")
                    + "') to return to the revision it left.";
        }
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
