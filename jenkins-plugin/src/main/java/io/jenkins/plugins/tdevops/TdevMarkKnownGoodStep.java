package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.TdevOps;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.List;

/**
 * {@code tdevMarkKnownGood}: tags a task definition revision (default: the service's current one) as the rollback
 * target {@code last-known-good}. Returns revision, status, actions. Tagging is quick and idempotent, so a restart
 * simply runs it again.
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
        return new ReadOnlyExecution(context, connection(), StepArgs.create()
                .put("revision", revision)
                .put("dryRun", dryRun)
                .put("requireHealthy", requireHealthy)
                .put("baselineTime", baselineTime)
                .put("ignoreAlarms", ignoreAlarms)
                .toMap(), TdevOps::markKnownGood);
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
