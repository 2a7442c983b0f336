package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsHelper;
import hudson.EnvVars;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.POST;

import java.util.Set;

/** What every tdev step needs from the build, and the credentials list of its Snippet Generator form. */
public abstract class TdevStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(TaskListener.class, Run.class, EnvVars.class);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item) {
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.EXTENDED_READ)) {
            return new ListBoxModel();
        }
        return AWSCredentialsHelper.doFillCredentialsIdItems(item != null ? item.getParent() : Jenkins.get());
    }
}
