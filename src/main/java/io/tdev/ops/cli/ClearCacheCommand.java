package io.tdev.ops.cli;

import io.tdev.ops.api.admin.AdminRequest;
import picocli.CommandLine.Command;

@Command(name = "clear-cache", mixinStandardHelpOptions = true,
        header = "Clear the service's cache (P1 remedy): POST /admin/clear-cache.",
        description = "Calls the service's admin endpoint (environment config incident.admin.baseUrl) with the bearer"
                + " token from the environment's secret (key incident.admin.tokenKey; never printed). It is idempotent: retried up to incident.admin.attempts times on 429, 5xx or no answer.",
        footer = {"",
                "Exit: 0 done (or planned with --dry-run); 2 invalid input; 1 endpoint not configured; 3 the call failed.",
                "JSON: {call, status, agent, httpStatus, answer, attempts, actions[]}",
                "",
                "Examples:",
                "  tdev-ops clear-cache --simulate --reason \"incident 2026-12-07\"",
                "  tdev-ops clear-cache --simulate --dry-run --output json"})
public final class ClearCacheCommand extends AdminCommand {
    @Override
    protected AdminRequest request() {
        return AdminRequest.clearCache(reason, dryRun);
    }
}
