package io.tdev.ops.api.admin;

import io.tdev.ops.model.InvalidInputException;

import java.util.Arrays;

/** The runbook's admin endpoint calls, by their command names. */
public enum AdminCall {
    /** P1: {@code POST /admin/clear-cache}. */
    CLEAR_CACHE("clear-cache", "/admin/clear-cache"),
    /** P2: {@code POST /admin/restart-agent} for one agent. */
    RESTART_AGENT("restart-agent", "/admin/restart-agent"),
    /** Security incident: {@code POST /admin/invalidate-sessions}. */
    INVALIDATE_SESSIONS("invalidate-sessions", "/admin/invalidate-sessions");

    private final String command;
    private final String path;

    AdminCall(String command, String path) {
        this.command = command;
        this.path = path;
    }

    /** The CLI command and remedy name: {@code clear-cache}. */
    public String command() {
        return command;
    }

    public String path() {
        return path;
    }

    public static AdminCall of(String field, String command) {
        return Arrays.stream(values()).filter(c -> c.command.equals(command)).findFirst()
                .orElseThrow(() -> InvalidInputException.notAllowed(field, command,
                        Arrays.stream(values()).map(AdminCall::command).toList()));
    }
}
