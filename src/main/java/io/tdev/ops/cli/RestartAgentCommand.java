package io.tdev.ops.cli;

import io.tdev.ops.api.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restart-agent", mixinStandardHelpOptions = true,
        header = "Restart one failing agent (P2 remedy): POST /admin/restart-agent.",
        description = "Asks the service's admin endpoint (environment config incident.admin.baseUrl, bearer token from"
                + " the environment's secret, never printed) to restart one agent. Sent once, never retried: a"
                + " repeated restart restarts twice. The agent must be one of incident.agents.",
        footer = {"",
                "Exit: 0 done (or planned with --dry-run); 2 invalid input (unknown agent); 1 endpoint not configured;"
                        + " 3 the call failed.",
                "JSON: {call, status, agent, httpStatus, answer, attempts, actions[]}",
                "",
                "Examples:",
                "  tdev-ops restart-agent --simulate --scenario failing-agent --agent search",
                "  tdev-ops restart-agent --simulate --agent generation --dry-run --output json"})
public final class RestartAgentCommand extends AdminCommand {
    @Option(names = "--agent", paramLabel = "NAME", required = true,
            description = "The agent to restart (e.g. search; the environment's incident.agents lists them).")
    String agent;

    @Override
    protected AdminRequest request() {
        return AdminRequest.restartAgent(agent, reason, dryRun);
    }
}
