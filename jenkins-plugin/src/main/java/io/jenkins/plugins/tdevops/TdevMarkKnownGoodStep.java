package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.TdevOps;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevMarkKnownGood}: tags a task definition revision (default: the service's current one) as the rollback
 * target {@code last-known-good}. Returns revision, status, actions. Tagging is quick and idempotent, so a restart
 * simply runs it again.
 */
public class TdevMarkKnownGoodStep extends TdevStep {
    private String revision;
    private Boolean dryRun;

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

    @Override
    public StepExecution start(StepContext context) {
        return new ReadOnlyExecution(context, connection(), StepArgs.create()
                .put("revision", revision)
                .put("dryRun", dryRun)
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
