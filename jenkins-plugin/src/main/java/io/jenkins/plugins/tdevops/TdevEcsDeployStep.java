package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployUseCase;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tdevEcsDeploy}: registers a task definition revision with {@code image} in the service's container and
 * rolls the service to it, then waits (resumably) for it to be stable. Returns from, to, status, deploymentId,
 * actions (and stability, after a wait). The gates around it (checklist, bake, rollback) are the shared library's.
 */
public class TdevEcsDeployStep extends TdevMutationStep {
    private final String image;
    private String container;

    @DataBoundConstructor
    public TdevEcsDeployStep(String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getImage() {
        return image;
    }

    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = Util.fixEmptyAndTrim(container);
    }

    /** The deploy the step starts, without waiting (the step waits); a missing image is the engine's to refuse. */
    DeployRequest request() {
        return new DeployRequest(image, container, false, timeout(), isDryRun());
    }

    @Override
    ChangeResult change(OpsContext context) {
        return DeployUseCase.over(context).run(request());
    }

    @Override
    Mutation mutation() {
        return Mutation.ECS_DEPLOY;
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevEcsDeploy";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: deploy an image to the ECS service and wait until it is stable";
        }
    }
}
