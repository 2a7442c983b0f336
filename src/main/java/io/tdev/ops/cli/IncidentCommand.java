package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.api.incident.IncidentResult;
import io.tdev.ops.api.incident.IncidentUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Command(name = "incident", mixinStandardHelpOptions = true,
        header = "Run the runbook's P0/P1/P2 playbook: diagnose, propose remedies, apply those named, escalate.",
        description = "Diagnoses in seconds (reads in parallel, each within health.signalTimeoutSeconds): P0 service,"
                + " targets, alarms, recent deploys and traffic against the same hour of previous days; P1 CPU/memory"
                + " maximum, error rate and ERROR patterns, slow agents (execution_time p50/p95/max per agent); P2 the"
                + " failing agent. Proposes the runbook's remedies with their evidence and exact commands; changes"
                + " nothing unless --apply names them. Escalates by the environment's escalation policy (--no-notify for"
                + " drills). Prints the incident record; --output markdown is the post-mortem report.",
        footer = {"",
                "Exit: 0 diagnosed / remediated; 1 a remedy or an escalation failed; 2 invalid input; 3 remote failure.",
                "JSON: {level, status, diagnosis[], plan[], applied[], escalation[], timeline[], markdown}",
                "",
                "Examples:",
                "  tdev-ops incident --simulate --scenario outage-after-deploy --level P0",
                "  tdev-ops incident --simulate --scenario outage-after-deploy --level P0 --apply rollback",
                "  tdev-ops incident --simulate --scenario slow-agent --level P1 --no-notify --output markdown",
                "  tdev-ops incident --simulate --scenario failing-agent --level P2 --apply all --dry-run"})
public final class IncidentCommand extends OutcomeCommand<IncidentResult> {
    @Option(names = "--level", required = true, paramLabel = "P0|P1|P2", description = "The incident's level.")
    String level;

    @Option(names = "--agent", paramLabel = "NAME", description = "P2: the agent suspected (default: the diagnosis finds it).")
    String agent;

    @Option(names = "--apply", split = ",", paramLabel = "REMEDY",
            description = "Remedies to apply: rollback, scale, clear-cache, restart-agent, or all (default: none).")
    List<String> apply = new ArrayList<>();

    @Option(names = "--dry-run", description = "The named remedies plan only (their own dry runs).")
    boolean dryRun;

    @Option(names = "--since", paramLabel = "DURATION", description = "How far back to read: 30m, 2h ... (default 1h).")
    String since;

    @Option(names = "--started-at", paramLabel = "INSTANT", description = "When the incident began (escalation timing; default now).")
    Instant startedAt;

    @Option(names = "--no-notify", description = "A drill: escalate to nobody, say whom it would have told.")
    boolean noNotify;

    @Override
    protected IncidentResult run(OpsContext context) {
        return IncidentUseCase.over(context).run(new IncidentRequest(level, agent, apply, dryRun,
                IncidentRequest.parseSince(since), startedAt, noNotify));
    }
}
