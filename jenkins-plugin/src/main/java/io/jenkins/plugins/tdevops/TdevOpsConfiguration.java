package io.jenkins.plugins.tdevops;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsHelper;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every tdev step (Manage Jenkins » System » T-Developer Ops; JCasC {@code unclassified: tdevOps:}).
 * A step's own arguments override them.
 */
@Extension
@Symbol("tdevOps")
public class TdevOpsConfiguration extends GlobalConfiguration {
    private String environment;
    private String configFile;
    private String region;
    private String credentialsId;
    private String notificationTopic;

    public TdevOpsConfiguration() {
        load();
    }

    public static TdevOpsConfiguration get() {
        return ExtensionList.lookupSingleton(TdevOpsConfiguration.class);
    }

    /** Built-in environment name (production, staging); the engine validates it. */
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
        save();
    }

    /** An environment config file on the controller whose fields override the built-in environment's. */
    public String getConfigFile() {
        return configFile;
    }

    @DataBoundSetter
    public void setConfigFile(String configFile) {
        this.configFile = Util.fixEmptyAndTrim(configFile);
        save();
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    /** SNS topic (name or ARN) for rollback and checklist notifications, instead of the environment's. */
    public String getNotificationTopic() {
        return notificationTopic;
    }

    @DataBoundSetter
    public void setNotificationTopic(String notificationTopic) {
        this.notificationTopic = Util.fixEmptyAndTrim(notificationTopic);
        save();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems() {
        Jenkins jenkins = Jenkins.get();
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel();
        }
        return AWSCredentialsHelper.doFillCredentialsIdItems(jenkins);
    }
}
