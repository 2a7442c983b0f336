package io.tdev.ops.cli;

import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.demo.DemoReport;
import io.tdev.ops.demo.DemoScenario;
import io.tdev.ops.demo.GatedDeployDemo;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.api.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "The story of a gated deploy on the simulated environment.",
        description = {"The story of a gated deploy on the simulated environment (virtual time, a few seconds):",
                "pre-deploy checklist with evidence -> deploy -> bake (a health check every deploy.pollSeconds for"
                        + " deploy.bakeMinutes, counting only alarms not already in ALARM at the deploy start) ->",
                "  bad: the health check catches it -> automatic rollback to the last known-good revision -> stable"
                        + " -> notification -> healthy again;",
                "  good: the bake passes -> the new revision is marked known-good.",
                "Prints the timeline with virtual timestamps and the decision record."},
        footer = {"",
                "Exit: 0 the story ended as the scenario should (bad: rolled back and healthy; good: marked"
                        + " known-good); 1 it did not; 2 invalid input.",
                "",
                "Examples:",
                "  tdev-ops demo",
                "  tdev-ops demo --scenario good --output markdown",
                "  tdev-ops demo --env staging --output json"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "bad",
            description = "bad (default): a release that fails and is rolled back; good: a clean release.")
    String scenario;

    /** Whose names and thresholds the simulation uses. */
    @Mixin
    EnvironmentOptions environmentOptions;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--verbose", description = "Also print the engine's progress lines on stderr as they happen.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EmptyValues.reject(spec);
            DemoScenario story = DemoScenario.of(scenario);
            EnvironmentConfig environment = ConfigLoader.load(environmentOptions.env(), environmentOptions.config());
            DemoReport report = GatedDeployDemo.run(story, environment, !verbose ? Progress.NONE : line -> {
                err.println("  ... " + line);
                err.flush();
            });
            out.print(switch (output) {
                case json -> ResultRenderer.json(report.toMap());
                case markdown -> report.markdown();
                case text -> report.text();
            });
            out.flush();
            return report.asDesigned() ? 0 : 1;
        } catch (TdevException e) {
            return ErrorOutput.print(spec, output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (Exception e) {
            return Main.unexpected(err, e);
        } finally {
            err.flush();
        }
    }
}
