package io.tdev.ops.cli;

import io.tdev.ops.api.IsoInstant;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.api.health.HealthUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Set;

@Command(name = "health", mixinStandardHelpOptions = true,
        header = "One health verdict from every signal of the service.",
        description = {"One verdict from every signal: ECS running vs desired and rollout, alarms in ALARM, ALB target"
                + " health, ERROR log events and their top patterns, CPU and memory, S3 usage, yesterday's projects.",
                "A signal that cannot be read is UNKNOWN, never HEALTHY."},
        footer = {"",
                "Exit: 0 HEALTHY; 0 DEGRADED with a warning on stderr (1 with --strict); 1 UNHEALTHY or UNKNOWN;"
                        + " 2 invalid input; 3 remote failure.",
                "JSON: {status, reasons[], signals[{name, status, value, threshold, evidence, informational}],"
                        + " topPatterns[], checkedAt}",
                "With --services or --fleet: many services in one run, one row each; JSON: {environment, status,"
                        + " services[{name, cluster, status, reasons[]}], checkedAt}.",
                "",
                "Examples:",
                "  tdev-ops health --simulate",
                "  tdev-ops health --env staging --output json",
                "  tdev-ops health --baseline-time 2026-11-26T09:00:00Z --ignore-alarm t-developer-cost-budget",
                "  tdev-ops health --signals alarms,target-health --window-minutes 15 --strict",
                "  tdev-ops health --simulate --scenario fleet --services svc-0001,svc-0003,t-developer-batch-production/svc-0002",
                "  tdev-ops health --simulate --scenario fleet --services svc-0007,svc-0009 --output markdown"})
public final class HealthCommand extends OutcomeCommand<HealthResult> {
    /** The engine's signal names, for --signals' help and completion. */
    static final class SignalNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return HealthRequest.SIGNALS.iterator();
        }
    }

    @Option(names = "--baseline-time", paramLabel = "INSTANT",
            description = "ISO-8601 instant (e.g. the deploy start): alarms already in ALARM then are not counted.")
    String baselineTime;

    @Option(names = "--ignore-alarm", paramLabel = "NAME", split = ",",
            description = "Alarm names not to count (repeatable, or comma-separated).")
    List<String> ignoreAlarms;

    @Option(names = "--window-minutes", paramLabel = "N",
            description = "ERROR log events in the last N minutes (default: the config's health.errorWindowMinutes).")
    Integer windowMinutes;

    @Option(names = "--signals", paramLabel = "NAME", split = ",", completionCandidates = SignalNames.class,
            description = "Read only these signals (comma-separated; default all): ${COMPLETION-CANDIDATES}.")
    List<String> signals;

    @Option(names = "--signal-timeout-seconds", paramLabel = "N",
            description = "A signal not read in N seconds is UNKNOWN (default: the config's health.signalTimeoutSeconds).")
    Integer signalTimeoutSeconds;

    @Option(names = "--strict", description = "DEGRADED exits 1 instead of 0.")
    boolean strict;

    @Option(names = "--services", paramLabel = "NAME", split = ",",
            description = "Check these services instead, in one run (NAME in the environment's cluster, or CLUSTER/NAME;"
                    + " comma-separated): one row each and a fleet verdict.")
    List<String> services;

    @Option(names = "--fleet", description = "Check the fleet the config lists (fleet.clusters) in one run.")
    boolean fleet;

    @Override
    protected Integer runInstead() {
        if ((services == null || services.isEmpty()) && !fleet) {
            return null;
        }
        FleetHealthRun run = new FleetHealthRun(fleet ? List.of() : services, strict);
        run.spec = spec;
        run.common = common;
        run.aws = aws;
        return run.call();
    }

    @Override
    protected HealthResult run(OpsContext context) {
        HealthRequest request = new HealthRequest(IsoInstant.parse("baselineTime", baselineTime),
                ignoreAlarms == null ? Set.of() : Set.copyOf(ignoreAlarms),
                windowMinutes == null ? null : Duration.ofMinutes(windowMinutes), signals,
                signalTimeoutSeconds == null ? null : Duration.ofSeconds(signalTimeoutSeconds));
        return HealthUseCase.over(context).run(request);
    }

    @Override
    protected int exitCode(HealthResult result) {
        return result.ok() || result.degraded() && !strict ? 0 : 1;
    }

    @Override
    protected String warning(HealthResult result) {
        return result.degraded() ? "health is DEGRADED: " + result.reasons() : null;
    }
}
