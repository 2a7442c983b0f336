package io.jenkins.plugins.tdevops;

import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/** The arguments every tdev step shares: which environment, and how to reach AWS. They override the global config. */
public abstract class TdevStep extends Step {
    private String environment;
    private String configFile;
    private String region;
    private String credentialsId;
    private String roleArn;
    private String endpointUrl;

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getConfigFile() {
        return configFile;
    }

    @DataBoundSetter
    public void setConfigFile(String configFile) {
        this.configFile = Util.fixEmptyAndTrim(configFile);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    protected Connection connection() {
        return new Connection(environment, configFile, region, credentialsId, roleArn, endpointUrl);
    }
}
