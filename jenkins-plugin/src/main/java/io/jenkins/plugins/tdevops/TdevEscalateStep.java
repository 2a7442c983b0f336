package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.escalation.EscalationRequest;
import io.tdev.ops.api.escalation.EscalationUseCase;
import io.tdev.ops.api.IsoInstant;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.time.Instant;

/**
 * {@code tdevEscalate}: tells whom the environment's escalation policy names for a kind of incident (P0, P1, P2,
 * security, data-loss). Returns the engine's escalation result as a map: kind, escalation [notices], nextDueAt.
 */
public class TdevEscalateStep extends TdevStep {
    private final String kind;
    private final String subject;
    private String summary;
    private String startedAt;
    private boolean resolved;
    private boolean noNotify;

    @DataBoundConstructor
    public TdevEscalateStep(String kind, String subject) {
        this.kind = kind;
        this.subject = subject;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getSummary() {
        return summary;
    }

    @DataBoundSetter
    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getStartedAt() {
        return startedAt;
    }

    /** ISO-8601 instant the incident began; empty: now, on the engine's clock. */
    @DataBoundSetter
    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public boolean isResolved() {
        return resolved;
    }

    @DataBoundSetter
    public void setResolved(boolean resolved) {
        this.resolved = resolved;
    }

    public boolean isNoNotify() {
        return noNotify;
    }

    @DataBoundSetter
    public void setNoNotify(boolean noNotify) {
        this.noNotify = noNotify;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new OutcomeExecution(context, connection(), c -> {
            Instant given = IsoInstant.parse("startedAt", startedAt);
            return EscalationUseCase.over(c).run(new EscalationRequest(kind, subject, summary,
                    given != null ? given : c.clock().instant(), resolved, noNotify));
        });
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevEscalate";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: escalate an incident to the contacts of the environment's escalation policy";
        }
    }
}
