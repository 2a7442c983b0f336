package io.tdev.ops.api.security;

import io.tdev.ops.model.Action;

import java.util.List;

/** The audit trail of a security change as a Markdown table. */
final class ActionTable {
    private ActionTable() {
    }

    static String markdown(List<Action> actions) {
        if (actions.isEmpty()) {
            return "No change.\n";
        }
        StringBuilder md = new StringBuilder("| what | target | before | after | at | dry run |\n|---|---|---|---|---|---|\n");
        for (Action a : actions) {
            md.append("| ").append(SecurityCheckResult.cell(a.what())).append(" | ").append(SecurityCheckResult.cell(a.target()))
                    .append(" | ").append(SecurityCheckResult.cell(a.before())).append(" | ")
                    .append(SecurityCheckResult.cell(a.after())).append(" | ").append(a.at()).append(" | ")
                    .append(a.dryRun() ? "yes" : "no").append(" |\n");
        }
        return md.toString();
    }
}
