package io.tdev.ops.cli;

import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.aws.AwsClientFactory;
import io.tdev.ops.aws.AwsConnection;
import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.api.Progress;
import io.tdev.ops.api.Sleeper;
import io.tdev.ops.sim.SimEnvironment;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The real sessions: the simulated environment with --simulate, AWS otherwise. */
public final class EnvironmentSessions implements SessionFactory {
    /** The scenario --simulate runs when --scenario is not given. */
    public static final String DEFAULT_SCENARIO = "healthy";

    private final Sleeper awsSleeper;

    public EnvironmentSessions() {
        this(Sleeper.system());
    }

    /** With the engine's waits on AWS going through {@code awsSleeper} (tests: no real pauses between retries). */
    EnvironmentSessions(Sleeper awsSleeper) {
        this.awsSleeper = awsSleeper;
    }

    @Override
    public OpenContext open(CommonOptions common, AwsOptions aws, Progress progress) {
        EnvironmentConfig config = ConfigLoader.load(common.env(), common.config());
        return common.simulate() ? simulated(common, aws, config, progress) : onAws(common, aws, config, progress);
    }

    private static OpenContext simulated(CommonOptions common, AwsOptions aws, EnvironmentConfig config,
                                        Progress progress) {
        List<String> awsOptions = aws.given();
        if (!awsOptions.isEmpty()) {
            throw new InvalidInputException(awsOptions.get(0), "does not apply with --simulate (AWS options: "
                    + String.join(", ", awsOptions) + "); drop --simulate to run against AWS");
        }
        String scenario = common.scenario() == null ? DEFAULT_SCENARIO : common.scenario();
        if (!SimEnvironment.scenarioNames().contains(scenario)) {
            throw InvalidInputException.notAllowed("--scenario", scenario, SimEnvironment.scenarioNames());
        }
        SimEnvironment sim = SimEnvironment.scenario(scenario, config);
        OpsContext context = new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), progress, user());
        return new OpenContext(context, null);
    }

    private OpenContext onAws(CommonOptions common, AwsOptions aws, EnvironmentConfig config,
                                    Progress progress) {
        if (common.scenario() != null) {
            throw new InvalidInputException("--scenario", "only applies with --simulate");
        }
        AwsSettings settings = aws.settings(config);
        AwsConnection connection = AwsConnection.open(settings, config, progress);
        try {
            Clock clock = Clock.systemUTC();
            OpsContext context = new OpsContext(config, connection.ports(), clock, awsSleeper, progress, user());
            return new OpenContext(context, connection);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Started by {@link Launcher} before picocli reads the words (about a sixth of a second on the main thread:
     * picocli's classes are too old for the class-data archive): on the other CPU, what the session will need and
     * that depends on nothing still to be read. Jackson's YAML binding of an environment (a built-in one is bound and
     * dropped; the command's own load then finds the classes and binders ready) and, unless the words say
     * {@code --simulate}, {@link AwsClientFactory#warmUp}. Help and the demo open no session: nothing is started.
     */
    static void warmUpFor(String[] args) {
        Set<WarmUp> warmUps = warmUpsFor(List.of(args));
        if (warmUps.isEmpty()) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            if (warmUps.contains(WarmUp.CONFIG)) {
                try {
                    ConfigLoader.builtIn(ConfigLoader.BUILT_IN.get(0));
                } catch (RuntimeException e) {
                    // the command's own load reports what is wrong
                }
            }
            if (warmUps.contains(WarmUp.AWS)) {
                AwsClientFactory.warmUp();
            }
        }, "tdev-ops-warm-up");
        // a daemon: it never keeps the process from ending; one thread, as the main thread has the other CPU
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** What {@link #warmUpFor} prepares: the environment's config binding, the AWS connection's start. */
    enum WarmUp { CONFIG, AWS }

    /** What {@link #warmUpFor} warms for these words: both, the config alone ({@code --simulate}), or nothing. */
    static Set<WarmUp> warmUpsFor(List<String> words) {
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.get(0).equals("help")
                || words.get(0).equals("demo") || words.get(0).equals("iam-policy")) {
            return EnumSet.noneOf(WarmUp.class);
        }
        return words.contains("--simulate") ? EnumSet.of(WarmUp.CONFIG) : EnumSet.allOf(WarmUp.class);
    }

    /** Who runs the command: recorded in actions and notifications. */
    static String user() {
        String user = System.getenv("TDEV_OPS_USER");
        if (user == null || user.isBlank()) {
            user = System.getenv("USER");
        }
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name", "unknown");
        }
        return user;
    }
}
