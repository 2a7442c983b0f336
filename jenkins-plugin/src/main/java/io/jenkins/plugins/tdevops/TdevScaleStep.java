package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleUseCase;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevScale}: sets the service's task count ({@code count}: N, +N, -N or a preset such as p0), adjusting the
 * autoscaling bounds so they do not undo it, then waits (resumably) for it to be stable. Returns from, to, status,
 * minCapacity, maxCapacity, restore, actions (and stability, after a wait).
 */
public class TdevScaleStep extends TdevMutationStep {
    private final String count;
    private Boolean force;

    @DataBoundConstructor
    public TdevScaleStep(String count) {
        this.count = Util.fixEmptyAndTrim(count);
    }

    public String getCount() {
        return count;
    }

    public Boolean getForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(Boolean force) {
        this.force = force;
    }

    /** The scaling the step starts, without waiting (the step waits); a missing count is the engine's to refuse. */
    ScaleRequest request() {
        return ScaleRequest.of(count, Boolean.TRUE.equals(force), false, timeout(), isDryRun());
    }

    @Override
    ChangeResult change(OpsContext context) {
        return ScaleUseCase.over(context).run(request());
    }

    @Override
    Mutation mutation() {
        return Mutation.SCALE;
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevScale";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: scale the ECS service and wait until it is stable";
        }
    }
}
