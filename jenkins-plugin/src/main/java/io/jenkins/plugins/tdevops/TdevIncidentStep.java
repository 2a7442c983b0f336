package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.IsoInstant;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.api.incident.IncidentUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tdevIncident}: the runbook's P0/P1/P2 playbook (diagnose, propose, apply the named remedies, escalate).
 * Returns the CLI's {@code incident} JSON as a map: level, status, diagnosis, plan, applied, escalation, timeline,
 * markdown. Changes nothing unless {@code apply} names remedies.
 */
public class TdevIncidentStep extends TdevPlannedStep {
    private final String level;
    private String agent;
    private List<String> apply = new ArrayList<>();
    private String since;
    private String startedAt;
    private boolean noNotify;

    @DataBoundConstructor
    public TdevIncidentStep(String level) {
        this.level = level;
    }

    public String getLevel() {
        return level;
    }

    public String getAgent() {
        return agent;
    }

    @DataBoundSetter
    public void setAgent(String agent) {
        this.agent = agent;
    }

    public List<String> getApply() {
        return apply;
    }

    /** Remedy names (rollback, scale, clear-cache, restart-agent) or all. */
    @DataBoundSetter
    public void setApply(List<String> apply) {
        this.apply = apply == null ? new ArrayList<>() : new ArrayList<>(apply);
    }

    public String getSince() {
        return since;
    }

    @DataBoundSetter
    public void setSince(String since) {
        this.since = since;
    }

    public String getStartedAt() {
        return startedAt;
    }

    /** ISO instant the incident began (escalation timing: a job that waits passes its first run's value). */
    @DataBoundSetter
    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public boolean isNoNotify() {
        return noNotify;
    }

    @DataBoundSetter
    public void setNoNotify(boolean noNotify) {
        this.noNotify = noNotify;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new OutcomeExecution(context, connection(), c -> IncidentUseCase.over(c).run(new IncidentRequest(level,
                agent, apply, isDryRun(), IncidentRequest.parseSince(since), IsoInstant.parse("startedAt", startedAt),
                noNotify)));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevIncident";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: incident playbook (diagnose, remedy, escalate)";
        }
    }
}
