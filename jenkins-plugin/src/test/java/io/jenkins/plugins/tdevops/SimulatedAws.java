package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.Notifier;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.sim.SimNotification;
import org.jvnet.hudson.test.JenkinsRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's simulated T-Developer environment standing in for AWS in the plugin's tests. State is static so that
 * it outlives a Jenkins restart in {@code JenkinsSessionExtension} (same JVM), as AWS outlives a controller restart.
 * Each test class registers {@link Provider} through a nested {@code @TestExtension}, which sorts before the plugin's
 * AWS provider.
 */
final class SimulatedAws {
    /** Real time between two looks of a waiting step: enough not to spin, far from any timeout. */
    private static final Duration REAL_PAUSE = Duration.ofMillis(200);

    private static String scenario = "healthy";
    private static SimEnvironment sim;
    private static volatile boolean rolloutsHeld;
    private static volatile boolean stepClockMovesWhileHeld;
    /** Time that passed for the waiting step while rollouts were held (the simulation's clock stood still). */
    private static final AtomicLong heldMillis = new AtomicLong();
    private static volatile OpsTarget lastTarget;
    private static final AtomicInteger polls = new AtomicInteger();
    private static final List<String> callThreads = new CopyOnWriteArrayList<>();
    private static volatile int deniedFromPoll;
    private static volatile int deniedReads;

    private SimulatedAws() {
    }

    /** A fresh simulated environment in {@code scenario} (healthy, bad-deploy, alarm-storm, ...). */
    static synchronized void reset(String scenarioName) {
        scenario = scenarioName;
        sim = null;
        rolloutsHeld = false;
        stepClockMovesWhileHeld = false;
        heldMillis.set(0);
        lastTarget = null;
        polls.set(0);
        callThreads.clear();
        deniedFromPoll = 0;
        deniedReads = 0;
    }

    /**
     * Makes the steps default to production, through an environment config file on the controller (merged by the
     * engine's ConfigLoader over the built-in production) that keeps production's 15 s poll interval: it passes on the
     * simulation's clock before each look (real pauses are {@link #REAL_PAUSE}), so a timeout passes on the
     * simulation's clock without waiting for it.
     */
    static void useProduction(JenkinsRule j) throws IOException {
        Path file = Files.createTempFile(j.jenkins.getRootDir().toPath(), "production", ".yaml");
        Files.writeString(file, "deploy:\n  pollSeconds: 15\n");
        TdevOpsConfiguration config = TdevOpsConfiguration.get();
        config.setEnvironment("production");
        config.setConfigFile(file.toString());
    }

    /**
     * The set-up every step test shares: a fresh simulated environment in {@code scenarioName}, and the steps defaulting
     * to production. Returns the rule, for {@code j = SimulatedAws.start(rule, "healthy")}.
     */
    static JenkinsRule start(JenkinsRule j, String scenarioName) throws IOException {
        reset(scenarioName);
        useProduction(j);
        return j;
    }

    /** While held, polls see the rollout where it is: no clock moves, so it stays in progress and nothing times out. */
    static void holdRollouts(boolean held) {
        rolloutsHeld = held;
    }

    /**
     * The rollout never settles: the simulation's clock stands still, but the waiting step's clock moves a poll
     * interval per look, so the step's timeout passes after a few real pauses.
     */
    static void stallRollouts() {
        rolloutsHeld = true;
        stepClockMovesWhileHeld = true;
    }

    /**
     * From the step's {@code poll}-th stability look on, the next {@code reads} reads of the ECS service are refused
     * (AccessDenied: not retryable), as when the deployer's IAM role loses ecs:DescribeServices mid-rollout.
     */
    static void denyServiceReadsFromPoll(int poll, int reads) {
        deniedFromPoll = poll;
        deniedReads = reads;
    }

    /** What the simulated SNS topic received so far (none before a step opened the environment). */
    static synchronized List<SimNotification> notifications() {
        return sim == null ? List.of() : List.copyOf(sim.notifications());
    }

    /** The threads a waiting step looked on, and those its notifications (the change's, the final word) went out on. */
    static List<String> callThreads() {
        return List.copyOf(callThreads);
    }

    /** What the plugin resolved for the last step: environment, AWS settings (with keys), user. */
    static OpsTarget lastTarget() {
        return lastTarget;
    }

    private static synchronized SimEnvironment sim(EnvironmentConfig config) {
        if (sim == null) {
            sim = SimEnvironment.scenario(scenario, config);
        }
        return sim;
    }

    /** Registered by each test class as {@code @TestExtension public static class Sim extends SimulatedAws.Provider {}}. */
    public static class Provider extends TdevOpsProvider {
        @Override
        public OpenedTdevOps open(OpsTarget target) {
            lastTarget = target;
            SimEnvironment env = sim(target.config());
            // the change and the final word of a rollback each notify: where they ran shows through the notifier
            Notifier notifier = env.ports().notifier();
            OpsPorts ports = env.ports().withNotifier((topic, subject, message) -> {
                callThreads.add(Thread.currentThread().getName());
                return notifier.publish(topic, subject, message);
            });
            OpsContext context = new OpsContext(target.config(), ports, env.clock(), env.sleeper(),
                    target.progress(), target.user());
            // the simulation's clock counts deadlines; between two looks only a short real pause (its clock moves)
            return new OpenedTdevOps(context, null, new StepClock(env.clock()), REAL_PAUSE,
                    interval -> beforeLook(env, interval));
        }
    }

    /**
     * Before each look of a waiting step: the poll interval passes on the simulation's clock, the way time passes
     * between two polls against AWS, while the step itself pauses only {@link #REAL_PAUSE}.
     */
    private static void beforeLook(SimEnvironment env, Duration interval) throws InterruptedException {
        callThreads.add(Thread.currentThread().getName());
        if (polls.incrementAndGet() == deniedFromPoll) {
            env.faults().denyAccess(Api.DESCRIBE_SERVICES, deniedReads);
        }
        if (rolloutsHeld) {
            if (stepClockMovesWhileHeld) {
                heldMillis.addAndGet(interval.toMillis());
            }
        } else {
            env.sleeper().sleep(interval);
        }
    }

    /** The waiting step's clock: the simulation's, plus the time that passed while rollouts were held. */
    private static final class StepClock extends Clock {
        private final Clock simulation;

        StepClock(Clock simulation) {
            this.simulation = simulation;
        }

        @Override
        public ZoneId getZone() {
            return simulation.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new StepClock(simulation.withZone(zone));
        }

        @Override
        public Instant instant() {
            return simulation.instant().plusMillis(heldMillis.get());
        }
    }
}
