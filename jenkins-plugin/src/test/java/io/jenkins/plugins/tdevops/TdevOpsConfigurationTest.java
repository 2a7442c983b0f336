package io.jenkins.plugins.tdevops;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithJenkinsConfiguredWithCode
class TdevOpsConfigurationTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void configurationAsCodeSetsEveryDefault(JenkinsConfiguredWithCodeRule j) throws Exception {
        TdevOpsConfiguration config = TdevOpsConfiguration.get();
        assertEquals("production", config.getEnvironment());
        assertEquals("/var/jenkins_home/tdev/production.yaml", config.getConfigFile());
        assertEquals("ap-northeast-2", config.getRegion());
        assertEquals("aws-prod", config.getCredentialsId());
        assertEquals("arn:aws:sns:ap-northeast-2:123456789012:t-developer-oncall", config.getNotificationTopic());

        String exported = j.exportToString(false);
        assertTrue(exported.contains("tdevOps:"), exported);
        assertTrue(exported.contains("credentialsId: \"aws-prod\""), exported);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void theConfigurationPageKeepsEveryValue(JenkinsConfiguredWithCodeRule j) throws Exception {
        j.configRoundtrip();
        TdevOpsConfiguration config = TdevOpsConfiguration.get();
        assertEquals("production", config.getEnvironment());
        assertEquals("ap-northeast-2", config.getRegion());
        assertEquals("arn:aws:sns:ap-northeast-2:123456789012:t-developer-oncall", config.getNotificationTopic());
    }
}
