package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.security.RotateSecretRequest;
import io.tdev.ops.api.security.RotateSecretUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code tdevRotateSecret}: rotates the API-key secret (Secrets Manager rotation, else a new random version). Returns
 * the CLI's {@code rotate-secret} JSON as a map: secret, method, status, previousVersionId, newVersionId, message,
 * next, actions. Never the value.
 */
public class TdevRotateSecretStep extends TdevPlannedStep {

    @DataBoundConstructor
    public TdevRotateSecretStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        RotateSecretRequest request = new RotateSecretRequest(isDryRun());
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
