package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.traffic.TrafficEventUseCase;
import io.tdev.ops.api.traffic.TrafficRestoreRequest;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code tdevTrafficRestore}: puts back exactly what {@code tdevTrafficPrepare} recorded on the service, from any
 * build; with nothing prepared it changes nothing (status UNCHANGED), so a job can call it in a finally block.
 */
public class TdevTrafficRestoreStep extends TdevPlannedStep {

    @DataBoundConstructor
    public TdevTrafficRestoreStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        TrafficRestoreRequest request = new TrafficRestoreRequest(isDryRun());
        return new OutcomeExecution(context, connection(), c -> TrafficEventUseCase.over(c).restore(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevTrafficRestore";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: restore what a traffic event's prepare changed";
        }
    }
}
