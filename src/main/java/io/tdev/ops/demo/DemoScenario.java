package io.tdev.ops.demo;

import io.tdev.ops.model.InvalidInputException;

import java.util.Arrays;

/** What the demo deploys, and how the story must end for the demo to have run as designed. */
public enum DemoScenario {
    /** A release whose tasks fail: the bake catches it and rolls back to the last known-good revision. */
    bad("2.1.0-bad", Outcome.ROLLED_BACK),
    /** A clean release: the bake passes and the new revision is marked known-good. */
    good("2.1.0", Outcome.MARKED_KNOWN_GOOD);

    /** How a story ended. */
    public enum Outcome { GATE_FAILED, DEPLOY_FAILED, ROLLED_BACK, ROLLBACK_FAILED, MARKED_KNOWN_GOOD, NOT_MARKED, NOT_HEALTHY_AFTER }

    private final String imageTag;
    private final Outcome expected;

    DemoScenario(String imageTag, Outcome expected) {
        this.imageTag = imageTag;
        this.expected = expected;
    }

    public String imageTag() {
        return imageTag;
    }

    public Outcome expected() {
        return expected;
    }

    public static DemoScenario of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> InvalidInputException.notAllowed("--scenario", name,
                        Arrays.stream(values()).map(Enum::name).toList()));
    }
}
