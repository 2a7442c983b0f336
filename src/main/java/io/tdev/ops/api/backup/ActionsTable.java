package io.tdev.ops.api.backup;

import io.tdev.ops.model.Action;

import java.util.List;

/** The audit trail as a Markdown table. */
final class ActionsTable {
    private ActionsTable() {
    }

    static String of(List<Action> actions) {
        if (actions.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n| action | target | before | after | at | dry run |\n|---|---|---|---|---|---|\n");
        for (Action a : actions) {
            b.append("| ").append(a.what()).append(" | `").append(a.target()).append("` | ")
                    .append(a.before() == null ? "" : a.before()).append(" | ").append(a.after() == null ? "" : a.after())
                    .append(" | ").append(a.at()).append(" | ").append(a.dryRun() ? "yes" : "no").append(" |\n");
        }
        return b.toString();
    }

    static String cell(Object value) {
        return value == null ? "" : String.valueOf(value).replace("|", "\\|");
    }
}
