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
 * {@code tdevScale}: sets the service's task count ({@code count}: N, +N, -N or a preset such as p0), adjusting the
 * autoscaling bounds so they do not undo it, then waits (resumably) for it to be stable. Returns from, to, status,
 * minCapacity, maxCapacity, restore, actions (and stability, after a wait).
 */
public class TdevScaleStep extends TdevStep {
    private final String count;
    private Boolean force;
    private Boolean wait;
    private Integer timeoutMinutes;
    private Boolean dryRun;

    @DataBoundConstructor
    public TdevScaleStep(String count) {
        this.count = Util.fixEmptyAndTrim(count);
    }

    public String getCount() {
        return count;
    }

    public Boolean getForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(Boolean force) {
        this.force = force;
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

    public Boolean getDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepExecution start(StepContext context) {
        // count stays in even when blank: "count: required" is the engine's message to give
        Map<String, Object> args = StepArgs.create()
                .put("force", force)
                .put("wait", wait)
                .put("timeoutMinutes", timeoutMinutes)
                .put("dryRun", dryRun)
                .toMap();
        args.put("count", count);
        return new Execution(context, connection(), args);
    }

    static final class Execution extends RolloutWaitExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, Connection connection, Map<String, Object> args) {
            super(context, "tdevScale", "scale", connection, args);
        }

        @Override
        protected Map<String, Object> mutate(TdevOps ops, Map<String, Object> args) {
            return ops.scale(args);
        }

        @Override
        protected Map<String, Object> expectation(Map<String, Object> started) {
            return StepArgs.create().put("desiredCount", started.get("to")).toMap();
        }

        @Override
        protected String nextSteps(Map<String, Object> started) {
            return "Next: check it with tdevHealthCheck; run tdevScale(count: '" + started.get("to")
                    + "') again to keep waiting, or tdevScale(count: '" + started.get("from")
                    + "') to go back to the previous count.";
        }
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevScale";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: scale the ECS service and wait until it is stable";
        }
    }
}
