package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.security.RotateSecretRequest;
import io.tdev.ops.api.security.RotateSecretUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevRotateSecret}: rotates the API-key secret (Secrets Manager rotation, else a new random version). Returns
 * the CLI's {@code rotate-secret} JSON as a map: secret, method, status, previousVersionId, newVersionId, message,
 * next, actions. Never the value.
 */
public class TdevRotateSecretStep extends TdevStep {
    private boolean dryRun;

    @DataBoundConstructor
    public TdevRotateSecretStep() {
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepExecution start(StepContext context) {
        RotateSecretRequest request = new RotateSecretRequest(dryRun);
        return new OutcomeExecution(context, connection(), c -> RotateSecretUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevRotateSecret";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: rotate the API-key secret";
        }
    }
}
