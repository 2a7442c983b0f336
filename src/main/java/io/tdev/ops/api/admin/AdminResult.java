package io.tdev.ops.api.admin;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.Action;

import java.util.List;

/**
 * What an admin call did. {@code status}: DONE (the endpoint answered 2xx) or PLANNED (dry run: nothing sent). A
 * call that failed throws instead (RemoteFailureException naming the call, the HTTP status and what to do).
 *
 * @param call       {@code POST /admin/clear-cache}
 * @param agent      the restarted agent, or null
 * @param httpStatus the endpoint's status (0 when planned)
 * @param answer     the endpoint's short answer (its message), or what would be sent
 * @param attempts   HTTP attempts it took (idempotent calls are retried)
 * @param actions    the audit trail: one action
 */
public record AdminResult(String call, String status, String agent, int httpStatus, String answer, int attempts,
                          List<Action> actions) implements Outcome {
    public AdminResult {
        actions = List.copyOf(actions);
    }

    @Override
    public boolean ok() {
        return "DONE".equals(status) || "PLANNED".equals(status);
    }

    @Override
    public String markdown() {
        return "| call | status | agent | HTTP | answer | attempts |\n|---|---|---|---|---|---|\n| `" + call + "` | " + status
                + " | " + (agent == null ? "" : agent) + " | " + (httpStatus == 0 ? "" : httpStatus) + " | "
                + answer.replace("|", "\\|") + " | " + attempts + " |\n";
    }
}
