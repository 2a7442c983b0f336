package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.backup.FailoverRequest;
import io.tdev.ops.api.backup.FailoverUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code tdevFailover}: the Route 53 fail-over of the service's record to {@code to} (secondary or primary): the
 * plan with {@code dryRun}, else the UPSERT and the wait until INSYNC. Returns to, record, before, after, ttl,
 * status, changeId, failBack, actions. Ask for approval (input) before calling it without dryRun.
 */
public class TdevFailoverStep extends TdevPlannedStep {
    private final String to;

    @DataBoundConstructor
    public TdevFailoverStep(String to) {
        this.to = Util.fixEmptyAndTrim(to);
    }

    public String getTo() {
        return to;
    }

    @Override
    public StepExecution start(StepContext context) {
        String target = to;
        boolean planOnly = isDryRun();
        return new OutcomeExecution(context, connection(), ops -> FailoverUseCase.over(ops).run(new FailoverRequest(target, planOnly)));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevFailover";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: Route 53 DNS fail-over to the secondary or back to the primary";
        }
    }
}
