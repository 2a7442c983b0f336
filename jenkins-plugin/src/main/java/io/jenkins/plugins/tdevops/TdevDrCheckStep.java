package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.backup.DrCheckRequest;
import io.tdev.ops.api.backup.DrCheckUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevDrCheck}: read-only disaster-recovery readiness (S3 replication, point-in-time recovery, backup age,
 * the primary's Route 53 health check). Returns passed and checks [name, status, evidence]; a failed check is a
 * result, not a failure: the caller decides.
 */
public class TdevDrCheckStep extends TdevStep {
    private Integer sampleSize;

    @DataBoundConstructor
    public TdevDrCheckStep() {
    }

    public Integer getSampleSize() {
        return sampleSize;
    }

    @DataBoundSetter
    public void setSampleSize(Integer sampleSize) {
        this.sampleSize = sampleSize;
    }

    @Override
    public StepExecution start(StepContext context) {
        Integer sample = sampleSize;
        return new OutcomeExecution(context, connection(), ops -> DrCheckUseCase.over(ops).run(new DrCheckRequest(sample)));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevDrCheck";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: disaster-recovery readiness (replication, PITR, backup age, primary health)";
        }
    }
}
