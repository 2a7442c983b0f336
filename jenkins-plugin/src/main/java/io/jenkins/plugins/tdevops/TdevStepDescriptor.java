package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Set;

/** What every tdev step needs from the build, and the credentials list of its Snippet Generator form. */
public abstract class TdevStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(TaskListener.class, Run.class, EnvVars.class);
    }

    /**
     * The credentials list of the Snippet Generator form, checked as credentials-binding's BindingDescriptor (what the
     * aws-credentials plugin's own {@code aws} binding inherits) does: on the job itself, CONFIGURE (a user who may
     * configure the job may pick its credentials), on no job ADMINISTER. The entries are those the job can use.
     * ({@code AWSCredentialsHelper.doFillCredentialsIdItems} checks CONFIGURE on the job's parent folder, which left
     * the list empty for users who may configure the job but not its folder.)
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        boolean allowed = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.CONFIGURE);
        if (!allowed) {
            // keep what is already chosen visible, list nothing else
            result.includeCurrentValue(Util.fixNull(credentialsId));
            return result;
        }
        result.includeEmptyValue();
        if (item != null) {
            result.includeAs(ACL.SYSTEM2, item, AmazonWebServicesCredentials.class);
        } else {
            result.includeAs(ACL.SYSTEM2, Jenkins.get(), AmazonWebServicesCredentials.class);
        }
        result.includeCurrentValue(Util.fixNull(credentialsId));
        return result;
    }
}
