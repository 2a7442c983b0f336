package io.jenkins.plugins.tdevops;

import hudson.Util;

import java.io.Serializable;

/**
 * Which environment a step works on and how it reaches AWS, as given on the step. Kept by waiting executions so a
 * poll after a controller restart reconnects the same way. Holds ids and names only, never a secret.
 */
public final class Connection implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String configFile;
    private final String region;
    private final String credentialsId;
    private final String roleArn;
    private final String endpointUrl;

    public Connection(String environment, String configFile, String region, String credentialsId, String roleArn,
                      String endpointUrl) {
        this.environment = Util.fixEmptyAndTrim(environment);
        this.configFile = Util.fixEmptyAndTrim(configFile);
        this.region = Util.fixEmptyAndTrim(region);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    public String environment() {
        return environment;
    }

    /** A file on the controller inside JENKINS_HOME/tdev-ops, relative to it (see {@link EnvironmentResolver}). */
    public String configFile() {
        return configFile;
    }

    public String region() {
        return region;
    }

    public String credentialsId() {
        return credentialsId;
    }

    public String roleArn() {
        return roleArn;
    }

    public String endpointUrl() {
        return endpointUrl;
    }
}
