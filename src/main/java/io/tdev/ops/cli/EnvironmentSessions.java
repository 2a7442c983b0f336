package io.tdev.ops.cli;

import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.aws.AwsConnection;
import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.api.Progress;
import io.tdev.ops.api.Sleeper;
import io.tdev.ops.sim.SimEnvironment;

import java.time.Clock;
import java.util.List;

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
