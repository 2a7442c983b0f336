package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.FailoverRequest;
import io.tdev.ops.api.backup.FailoverResult;
import io.tdev.ops.api.backup.FailoverUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "failover", mixinStandardHelpOptions = true,
        header = "Route 53 DNS fail-over to the secondary (or back to the primary).",
        description = "The runbook's DNS fail-over: shows the change of dr.recordName (before -> after, TTL) and, without"
                + " --dry-run, UPSERTs it and waits until Route 53 has it INSYNC; says how to fail back. A record that"
                + " points at neither configured target is not overwritten; failing back needs the primary's health"
                + " check healthy.",
        footer = {"",
                "Exit: 0 INSYNC / planned / already there; 1 still PENDING or a precondition failed; 2 invalid input;"
                        + " 3 remote failure.",
                "JSON: {to, record, type, before, after, ttl, status, changeId, primaryHealth, failBack, message, actions[]}",
                "",
                "Examples:",
                "  tdev-ops failover --to secondary --dry-run --simulate --scenario primary-unhealthy",
                "  tdev-ops failover --to secondary --simulate --scenario primary-unhealthy",
                "  tdev-ops failover --to primary --env staging --dry-run"})
public final class FailoverCommand extends OutcomeCommand<FailoverResult> {
    @Option(names = "--to", paramLabel = "secondary|primary", required = true,
            description = "secondary (fail over) or primary (fail back).")
    String to;

    @Option(names = "--dry-run", description = "Show the record change; change nothing.")
    boolean dryRun;

    @Override
    protected FailoverResult run(OpsContext context) {
        return FailoverUseCase.over(context).run(new FailoverRequest(to, dryRun));
    }
}
