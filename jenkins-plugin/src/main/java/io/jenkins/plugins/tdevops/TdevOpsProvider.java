package io.jenkins.plugins.tdevops;

import hudson.ExtensionList;
import hudson.ExtensionPoint;

import java.io.IOException;

/**
 * Opens the engine for a step. The plugin's own provider connects to AWS; tests register one (a
 * {@code @TestExtension}, which sorts before it) that serves the engine's simulated environment instead. The provider
 * with the highest {@code @Extension(ordinal)} wins.
 */
public abstract class TdevOpsProvider implements ExtensionPoint {

    public abstract OpenedTdevOps open(OpsTarget target) throws IOException;

    static TdevOpsProvider current() {
        ExtensionList<TdevOpsProvider> providers = ExtensionList.lookup(TdevOpsProvider.class);
        if (providers.isEmpty()) {
            throw new IllegalStateException("no TdevOpsProvider is registered; the tdev-ops-steps plugin is incomplete");
        }
        return providers.get(0);
    }
}
