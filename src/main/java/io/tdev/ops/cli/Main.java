package io.tdev.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * {@code tdev-ops}: the T-Developer operations runbook from the command line. The only place that calls
 * {@link System#exit}.
 */
@Command(name = "tdev-ops", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "The T-Developer operations runbook as commands: health checks, gated deploys, rollback,"
                + " scaling and the pre-deploy checklist, against AWS or a simulated environment.",
        subcommands = {
                HealthCommand.class,
                DeployCommand.class,
                MarkKnownGoodCommand.class,
                RollbackCommand.class,
                ScaleCommand.class,
                ChecklistCommand.class,
                DemoCommand.class,
                IamPolicyCommand.class,
                WeeklyReportCommand.class,
                MaintenanceCommand.class,
                SecurityCheckCommand.class,
                RotateSecretCommand.class,
                LockdownBucketCommand.class,
                DbResizeCommand.class,
                LoadWatchCommand.class,
                TrafficEventCommand.class,
                IncidentCommand.class,
                ClearCacheCommand.class,
                RestartAgentCommand.class,
                InvalidateSessionsCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                DrCheckCommand.class,
                FailoverCommand.class,
                CommandLine.HelpCommand.class,
        },
        footer = {"",
                "Exit codes:",
                "  0  ok / healthy (DEGRADED too, with a warning; health --strict makes it 1)",
                "  1  unhealthy / gate failed / operation failed",
                "  2  invalid input (unknown option or value, invalid config): nothing changed",
                "  3  remote failure (AWS or the simulated environment)",
                "",
                "Examples:",
                "  tdev-ops demo",
                "  tdev-ops health --simulate --scenario alarm-storm --output json",
                "  tdev-ops rollback --env staging --target previous --reason \"5xx\" --dry-run",
                "  tdev-ops scale --count p0 --region eu-west-1 --profile ops",
                "  tdev-ops weekly-report --simulate --scenario slo-missed --output markdown"})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    private final SessionFactory sessions;

    public Main() {
        this(new EnvironmentSessions());
    }

    /** With another way to open environments (tests). */
    public Main(SessionFactory sessions) {
        this.sessions = sessions;
    }

    SessionFactory sessions() {
        return sessions;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The command line with tdev-ops' handling of bad input (exit 2, one message and a hint, no usage dump). */
    public static CommandLine commandLine(Main main) {
        return withTdevOpsHandling(new CommandLine(main));
    }

    private static CommandLine withTdevOpsHandling(CommandLine commandLine) {
        HelpLayout.apply(commandLine);
        commandLine.setParameterExceptionHandler(Main::invalidInput);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> unexpected(cmd.getErr(), e));
        return commandLine;
    }

    /**
     * The command line for these words: when they start with a subcommand's name, a {@code tdev-ops} with only that
     * subcommand, else {@link #commandLine(Main)}. Building picocli's model of all the commands reads every option of
     * every command by reflection, ~2/3 of picocli's start; a run uses one. Parsing, help, errors and exit codes of the
     * one command are the same either way ({@code MainTest}); {@code tdev-ops help X} and top-level options take
     * the full model.
     */
    public static CommandLine commandLine(Main main, String[] args) {
        Class<?> only = args.length == 0 ? null : subcommandNamed(args[0]);
        if (only == null) {
            return commandLine(main);
        }
        Command top = Main.class.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(main).name(top.name());
        spec.usageMessage().description(top.description()).footer(top.footer());
        return withTdevOpsHandling(new CommandLine(spec).addSubcommand(args[0], only));
    }

    /** The subcommand class named {@code word} (or one of its aliases); null for anything else, help included. */
    private static Class<?> subcommandNamed(String word) {
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && command != null
                    && (command.name().equals(word) || java.util.Arrays.asList(command.aliases()).contains(word))) {
                return c;
            }
        }
        return null;
    }

    public static void main(String[] args) throws Exception {
        // The AWS SDK logs through SLF4J; the CLI ships no binding (the jar is also the Jenkins plugin's library),
        // so keep SLF4J's "no providers" notice off the user's terminal.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(commandLine(new Main(), args).execute(args));
    }

    private static int invalidInput(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // picocli says "option option '--waive'" when a label says "option" already; the CLI says it once
        String message = e.getMessage().replace("option option", "option");
        err.println("error: " + message);
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        err.flush();
        if (jsonOutput(args)) {
            // the documented {"error": ...} object, for picocli's own parse errors too
            String field = e.getArgSpec() instanceof OptionSpec option ? option.longestName() : "arguments";
            PrintWriter out = command.getOut();
            out.print(ResultRenderer.json(ErrorResult.of(new InvalidInputException(field, message))));
            out.flush();
        }
        return 2;
    }

    /** Whether the command line asked for JSON output (looked up in the raw words: parsing just failed). */
    private static boolean jsonOutput(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output=json") || args[i].equals("--output") && i + 1 < args.length
                    && args[i + 1].equals("json")) {
                return true;
            }
        }
        return false;
    }

    /** A failure nobody planned for: one line, no stack trace (TDEV_OPS_DEBUG=1 prints it). */
    static int unexpected(PrintWriter err, Exception e) {
        err.println("error: unexpected " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (System.getenv("TDEV_OPS_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 3;
    }
}
