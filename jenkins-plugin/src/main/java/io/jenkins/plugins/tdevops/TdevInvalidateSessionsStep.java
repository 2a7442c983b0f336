package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.admin.AdminRequest;
import io.tdev.ops.api.admin.AdminUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevInvalidateSessions}: {@code POST /admin/invalidate-sessions} on the environment's admin endpoint (the
 * engine's admin use case; token from Secrets Manager, never shown). Returns the CLI's {@code invalidate-sessions}
 * JSON as a map: call, status (DONE, PLANNED), httpStatus, answer, attempts, actions.
 */
public class TdevInvalidateSessionsStep extends TdevPlannedStep {
    private String reason;

    @DataBoundConstructor
    public TdevInvalidateSessionsStep() {
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = reason;
    }

    @Override
    public StepExecution start(StepContext context) {
        AdminRequest request = AdminRequest.invalidateSessions(reason, isDryRun());
        return new OutcomeExecution(context, connection(), c -> AdminUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevInvalidateSessions";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: invalidate every session (admin endpoint)";
        }
    }
}
