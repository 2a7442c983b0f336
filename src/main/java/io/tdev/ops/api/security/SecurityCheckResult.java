package io.tdev.ops.api.security;

import io.tdev.ops.api.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * The daily security check: a verdict and the signals it came from. JSON keys: {@code status}, {@code signals}
 * [{@code name}, {@code status}, {@code value}, {@code evidence}], {@code checkedAt}, {@code windowHours}.
 */
public record SecurityCheckResult(SecurityStatus status, List<SecuritySignal> signals, Instant checkedAt,
                                  int windowHours) implements Outcome {
    public SecurityCheckResult {
        signals = List.copyOf(signals);
    }

    /** The verdict of a set of signals: the worst of them. */
    public static SecurityStatus verdict(List<SecuritySignal> signals) {
        SecurityStatus worst = SecurityStatus.OK;
        for (SecuritySignal s : signals) {
            worst = worst.worst(s.status());
        }
        return worst;
    }

    /** Nothing found and everything read. */
    @Override
    public boolean ok() {
        return status == SecurityStatus.OK;
    }

    /** The signals that are not OK: what a notification lists. */
    public List<SecuritySignal> findings() {
        return signals.stream().filter(s -> s.status() != SecurityStatus.OK).toList();
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Security check: ").append(status).append("\n\n")
                .append("Checked at ").append(checkedAt).append(", log events of the last ").append(windowHours)
                .append(" h.\n\n| signal | status | value | evidence |\n|---|---|---|---|\n");
        for (SecuritySignal s : signals) {
            md.append("| ").append(s.name()).append(" | ").append(s.status()).append(" | ")
                    .append(s.value() == null ? "" : s.value()).append(" | ").append(cell(s.evidence())).append(" |\n");
        }
        return md.toString();
    }

    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", "<br>");
    }
}
