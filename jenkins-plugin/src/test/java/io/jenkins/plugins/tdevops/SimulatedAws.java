package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.DefaultTdevOps;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;
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
import java.util.Map;
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
    private static final Duration VIRTUAL_POLL = Duration.ofSeconds(15);
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
     * Makes the steps default to production with a 1 s poll interval (on the simulation's clock; real pauses are
     * {@link #REAL_PAUSE}, and a timeout passes on the simulation's clock without waiting for it): an environment
     * config file on the controller, merged by the engine's ConfigLoader over the built-in production.
     */
    static void useProductionWithFastPolls(JenkinsRule j) throws IOException {
        Path file = Files.createTempFile(j.jenkins.getRootDir().toPath(), "fast-polls", ".yaml");
        Files.writeString(file, "deploy:\n  pollSeconds: 1\n");
        TdevOpsConfiguration config = TdevOpsConfiguration.get();
        config.setEnvironment("production");
        config.setConfigFile(file.toString());
    }

    /**
     * The set-up every step test shares: a fresh simulated environment in {@code scenarioName}, and the steps defaulting
     * to production with fast polls. Returns the rule, for {@code j = SimulatedAws.start(rule, "healthy")}.
     */
    static JenkinsRule start(JenkinsRule j, String scenarioName) throws IOException {
        reset(scenarioName);
        useProductionWithFastPolls(j);
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

    /** The threads the waiting steps' engine calls (the change, each look, finishRollout) ran on, in order. */
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
            OpsContext context = new OpsContext(target.config(), env.ports(), env.clock(), env.sleeper(),
                    target.progress(), target.user());
            TdevOps ops = new VirtualTimeTdevOps(new DefaultTdevOps(context), env, target.config());
            // the simulation's clock counts deadlines; between two looks only a short real pause (its clock moves)
            return new OpenedTdevOps(ops, target.config(), null, new StepClock(env.clock()), REAL_PAUSE)
                    .withContext(context);
        }
    }

    /**
     * The real facade; only {@code stability} first lets a production poll interval (15 s) pass on the simulation's
     * clock, the way time passes between two polls against AWS, while the step itself pauses only {@link #REAL_PAUSE}.
     */
    private record VirtualTimeTdevOps(TdevOps delegate, SimEnvironment env, EnvironmentConfig config)
            implements TdevOps {
        @Override
        public Map<String, Object> stability(Map<String, ?> args) {
            callThreads.add(Thread.currentThread().getName());
            if (polls.incrementAndGet() == deniedFromPoll) {
                env.faults().denyAccess(Api.DESCRIBE_SERVICES, deniedReads);
            }
            if (rolloutsHeld) {
                if (stepClockMovesWhileHeld) {
                    heldMillis.addAndGet(VIRTUAL_POLL.toMillis());
                }
            } else {
                try {
                    env.sleeper().sleep(VIRTUAL_POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return delegate.stability(args);
        }

        @Override
        public Map<String, Object> finishRollout(Map<String, ?> args) {
            callThreads.add(Thread.currentThread().getName());
            return delegate.finishRollout(args);
        }

        @Override
        public Map<String, Object> healthCheck(Map<String, ?> args) {
            return delegate.healthCheck(args);
        }

        @Override
        public Map<String, Object> ecsDeploy(Map<String, ?> args) {
            return delegate.ecsDeploy(args);
        }

        @Override
        public Map<String, Object> markKnownGood(Map<String, ?> args) {
            return delegate.markKnownGood(args);
        }

        @Override
        public Map<String, Object> rollback(Map<String, ?> args) {
            callThreads.add(Thread.currentThread().getName());
            return delegate.rollback(args);
        }

        @Override
        public Map<String, Object> scale(Map<String, ?> args) {
            return delegate.scale(args);
        }

        @Override
        public Map<String, Object> preDeployChecklist(Map<String, ?> args) {
            return delegate.preDeployChecklist(args);
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
