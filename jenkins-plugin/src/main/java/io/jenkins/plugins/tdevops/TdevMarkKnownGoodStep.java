package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.IsoInstant;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.List;
import java.util.Set;

/**
 * {@code tdevMarkKnownGood}: tags a task definition revision (default: the service's current one) as the rollback
 * target {@code last-known-good} ({@code MarkKnownGoodUseCase}). Returns the CLI's JSON as a map: revision, status, ok,
 * tag, value, message, actions. Tagging is quick and idempotent, so a restart simply runs it again.
 */
public class TdevMarkKnownGoodStep extends TdevStep {
    private String revision;
    private Boolean dryRun;
    private Boolean requireHealthy;
    private String baselineTime;
    private List<String> ignoreAlarms;

    @DataBoundConstructor
    public TdevMarkKnownGoodStep() {
    }

    public String getRevision() {
        return revision;
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = Util.fixEmptyAndTrim(revision);
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public Boolean getRequireHealthy() {
        return requireHealthy;
    }

    /** true: mark only after a HEALTHY check now on a completed rollout (the engine's known-good rule). */
    @DataBoundSetter
    public void setRequireHealthy(Boolean requireHealthy) {
        this.requireHealthy = requireHealthy;
    }

    public String getBaselineTime() {
        return baselineTime;
    }

    @DataBoundSetter
    public void setBaselineTime(String baselineTime) {
        this.baselineTime = Util.fixEmptyAndTrim(baselineTime);
    }

    public List<String> getIgnoreAlarms() {
        return ignoreAlarms;
    }

    @DataBoundSetter
    public void setIgnoreAlarms(List<String> ignoreAlarms) {
        this.ignoreAlarms = ignoreAlarms == null || ignoreAlarms.isEmpty() ? null : List.copyOf(ignoreAlarms);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new OutcomeExecution(context, connection(), c -> MarkKnownGoodUseCase.over(c).run(request()));
    }

    /** Built when the step runs: a bad argument ends it with the engine's message (no stack trace), nothing tagged. */
    MarkKnownGoodRequest request() {
        return MarkKnownGoodRequest.of(revision, Boolean.TRUE.equals(dryRun), Boolean.TRUE.equals(requireHealthy),
                IsoInstant.parse("baselineTime", baselineTime), ignoreAlarms == null ? Set.of() : Set.copyOf(ignoreAlarms));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevMarkKnownGood";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: mark the running revision known-good";
        }
    }
}
