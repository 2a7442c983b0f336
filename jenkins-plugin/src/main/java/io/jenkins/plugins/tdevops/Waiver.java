package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One waived checklist item and why, as {@code tdevPreDeployChecklist(waive: [[item: 'image-scan', reason: '...']])}.
 * A describable list, not a Map: structs (the Pipeline argument binder) cannot describe a Map, so the Snippet Generator
 * and the Pipeline Syntax reference could not render the step with one.
 */
public final class Waiver extends AbstractDescribableImpl<Waiver> {
    private final String item;
    private final String reason;

    @DataBoundConstructor
    public Waiver(String item, String reason) {
        this.item = Util.fixEmptyAndTrim(item);
        this.reason = Util.fixEmptyAndTrim(reason);
    }

    public String getItem() {
        return item;
    }

    public String getReason() {
        return reason;
    }

    /** The engine's {@code waive} argument: item name to reason, in the given order (the engine validates both). */
    static Map<String, String> toMap(List<Waiver> waivers) {
        if (waivers == null || waivers.isEmpty()) {
            return null;
        }
        Map<String, String> waive = new LinkedHashMap<>();
        for (Waiver w : waivers) {
            waive.put(w.item == null ? "" : w.item, w.reason == null ? "" : w.reason);
        }
        return waive;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<Waiver> {
        @Override
        public String getDisplayName() {
            return "Waived checklist item";
        }
    }
}
