package io.tdev.ops.api.backup;

import io.tdev.ops.api.Outcome;

import java.util.List;

/** {@code passed}: every check PASS. A check that could not be read is UNKNOWN, never PASS. */
public record DrCheckResult(boolean passed, List<Check> checks) implements Outcome {
    public DrCheckResult {
        checks = List.copyOf(checks);
    }

    public enum Status { PASS, FAIL, UNKNOWN }

    public record Check(String name, Status status, String evidence) {
    }

    @Override
    public boolean ok() {
        return passed;
    }

    @Override
    public String markdown() {
        StringBuilder b = new StringBuilder("## Disaster-recovery readiness: **" + (passed ? "PASSED" : "FAILED") + "**\n\n"
                + "| check | status | evidence |\n|---|---|---|\n");
        checks.forEach(c -> b.append("| ").append(c.name()).append(" | ").append(c.status()).append(" | ")
                .append(ActionsTable.cell(c.evidence())).append(" |\n"));
        return b.toString();
    }
}
