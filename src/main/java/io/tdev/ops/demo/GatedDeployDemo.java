package io.tdev.ops.demo;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.SimEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Sets up the simulated environment and the evidence for {@link GatedDeployStory}, and runs it. */
public final class GatedDeployDemo {
    /** The simulated environment the story starts from: a healthy service with a known-good revision. */
    public static final String START_SCENARIO = "healthy";

    private GatedDeployDemo() {
    }

    public static DemoReport run(DemoScenario scenario, EnvironmentConfig config, Progress progress)
            throws InterruptedException {
        SimEnvironment sim = SimEnvironment.scenario(START_SCENARIO, config);
        OpsContext context = new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), progress, "demo");
        String image = sim.imageUri(scenario.imageTag());
        Path reports = TestEvidence.write();
        try {
            return new GatedDeployStory(DeploySteps.over(context), config, sim.clock(), sim.sleeper())
                    .run(scenario, image, reports);
        } finally {
            delete(reports);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
