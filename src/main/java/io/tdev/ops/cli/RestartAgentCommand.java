package io.tdev.ops.cli;

import io.tdev.ops.api.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restart-agent", mixinStandardHelpOptions = true,
        header = "Restart one failing agent (P2 remedy): POST /admin/restart-agent, or its ECS tasks one at a time.",
        description = "incident.restartAgent.via admin (the default): asks the service's admin endpoint (environment"
                + " config incident.admin.baseUrl, bearer token from the environment's secret, never printed) to restart"
                + " one agent; sent once, never retried: a repeated restart restarts twice. via ecs-tasks: the agent runs"
                + " as its own ECS service (incident.restartAgent.service, {agent} replaced, in ecs.cluster); its RUNNING"
                + " tasks are stopped one at a time (StopTask with a reason naming you), each replacement RUNNING before"
                + " the next stop, within incident.restartAgent.replacementTimeoutSeconds. The agent must be one of"
                + " incident.agents.",
        footer = {"",
                "Exit: 0 done (or planned with --dry-run); 2 invalid input (unknown agent); 1 endpoint not configured"
                        + " or no RUNNING task; 3 the call failed or a replacement did not run in time.",
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
