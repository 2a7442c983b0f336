package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.traffic.TrafficEventUseCase;
import io.tdev.ops.api.traffic.TrafficPrepareRequest;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevTrafficPrepare}: the service to {@code tasks} (autoscaling's minimum with it) and optionally the database
 * to a bigger class, after recording the values before on the service, where {@code tdevTrafficRestore} finds them.
 */
public class TdevTrafficPrepareStep extends TdevPlannedStep {
    private final int tasks;
    private String instanceClass;

    @DataBoundConstructor
    public TdevTrafficPrepareStep(int tasks) {
        this.tasks = tasks;
    }

    public int getTasks() {
        return tasks;
    }

    public String getInstanceClass() {
        return instanceClass;
    }

    @DataBoundSetter
    public void setInstanceClass(String instanceClass) {
        this.instanceClass = Util.fixEmptyAndTrim(instanceClass);
    }

    @Override
    public StepExecution start(StepContext context) {
        TrafficPrepareRequest request = new TrafficPrepareRequest(tasks, instanceClass, isDryRun());
        return new OutcomeExecution(context, connection(), c -> TrafficEventUseCase.over(c).prepare(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevTrafficPrepare";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: prepare for expected traffic (scale ahead, database up; recorded for restore)";
        }
    }
}
