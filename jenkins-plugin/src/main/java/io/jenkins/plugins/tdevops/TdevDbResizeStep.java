package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.traffic.DbResizeRequest;
import io.tdev.ops.api.traffic.DbResizeUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevDbResize}: the environment's RDS instance to another class (the runbook's "RDS class up" before a
 * traffic event). Returns the CLI's {@code db-resize} JSON as a map: status, from, to, downtime, actions.
 */
public class TdevDbResizeStep extends TdevPlannedStep {
    private final String instanceClass;
    private boolean applyImmediately;

    @DataBoundConstructor
    public TdevDbResizeStep(String instanceClass) {
        this.instanceClass = instanceClass;
    }

    public String getInstanceClass() {
        return instanceClass;
    }

    public boolean isApplyImmediately() {
        return applyImmediately;
    }

    @DataBoundSetter
    public void setApplyImmediately(boolean applyImmediately) {
        this.applyImmediately = applyImmediately;
    }

    @Override
    public StepExecution start(StepContext context) {
        // validated here, before the engine is opened: bad input changes nothing
        DbResizeRequest request = new DbResizeRequest(instanceClass, applyImmediately, isDryRun());
        return new OutcomeExecution(context, connection(), c -> DbResizeUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevDbResize";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: move the database to another instance class";
        }
    }
}
