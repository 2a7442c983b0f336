package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.security.SecurityCheckRequest;
import io.tdev.ops.api.security.SecurityCheckUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevSecurityCheck}: the runbook's daily security check. Returns the CLI's {@code security-check} JSON as a
 * map: status (OK, WARNING, UNKNOWN, CRITICAL), signals [name, status, value, evidence], checkedAt, windowHours. A
 * finding is a result, not a failure; the caller decides.
 */
public class TdevSecurityCheckStep extends TdevStep {
    private int windowHours = SecurityCheckRequest.DEFAULT_WINDOW_HOURS;

    @DataBoundConstructor
    public TdevSecurityCheckStep() {
    }

    public int getWindowHours() {
        return windowHours;
    }

    @DataBoundSetter
    public void setWindowHours(int windowHours) {
        this.windowHours = windowHours;
    }

    @Override
    public StepExecution start(StepContext context) {
        // validated here, before the engine is opened
        SecurityCheckRequest request = new SecurityCheckRequest(windowHours);
        return new OutcomeExecution(context, connection(), c -> SecurityCheckUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevSecurityCheck";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: daily security check (failed logins, rate limits, open ports, secret age, bucket)";
        }
    }
}
