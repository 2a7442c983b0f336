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
 * {@code tdevEcsDeploy}: registers a task definition revision with {@code image} in the service's container and
 * rolls the service to it, then waits (resumably) for it to be stable. Returns from, to, status, deploymentId,
 * actions (and stability, after a wait). The gates around it (checklist, bake, rollback) are the shared library's.
 */
public class TdevEcsDeployStep extends TdevStep {
    private final String image;
    private String container;
    private Boolean wait;
    private Integer timeoutMinutes;
    private Boolean dryRun;

    @DataBoundConstructor
    public TdevEcsDeployStep(String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getImage() {
        return image;
    }

    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = Util.fixEmptyAndTrim(container);
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
        // image stays in even when blank: "image: required" is the engine's message to give
        Map<String, Object> args = StepArgs.create()
                .put("container", container)
                .put("wait", wait)
                .put("timeoutMinutes", timeoutMinutes)
                .put("dryRun", dryRun)
                .toMap();
        args.put("image", image);
        return new Execution(context, connection(), args);
    }

    static final class Execution extends RolloutWaitExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, Connection connection, Map<String, Object> args) {
            super(context, "tdevEcsDeploy", "ecsDeploy", connection, args);
        }

        @Override
        protected Map<String, Object> mutate(TdevOps ops, Map<String, Object> args) {
            return ops.ecsDeploy(args);
        }

        @Override
        protected Map<String, Object> expectation(Map<String, Object> started) {
            return StepArgs.create().put("revision", started.get("to")).toMap();
        }

        @Override
        protected String nextSteps(Map<String, Object> started) {
            return "Next: check it with tdevHealthCheck; roll back with tdevRollback() (last known good) or "
                    + "tdevRollback(target: '" + started.get("from") + "') (the revision it replaced).";
        }
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevEcsDeploy";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: deploy an image to the ECS service and wait until it is stable";
        }
    }
}
