package io.jenkins.plugins.tdevops;

import io.tdev.ops.config.EnvironmentConfig;

import java.util.Objects;

/**
 * The environment with the region Jenkins resolved for the step and, when the global configuration names one, its
 * notification topic (an administrator routes the alerts of every environment; the built-in files always name one).
 */
final class ConfigOverrides {
    private ConfigOverrides() {
    }

    static EnvironmentConfig apply(EnvironmentConfig c, String region, String topic) {
        String newRegion = region != null ? region : c.region();
        String newTopic = topic != null ? topic : c.topic();
        if (Objects.equals(newRegion, c.region()) && Objects.equals(newTopic, c.topic())) {
            return c;
        }
        return c.withRegion(newRegion).withTopic(newTopic);
    }
}
