package io.tdev.ops.api.incident;

import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One incident run: diagnose at a level, propose the runbook's remedies, apply those named.
 *
 * @param level     P0 (total outage), P1 (degraded), P2 (one agent failing)
 * @param agent     P2: the agent the reporter suspects (else the diagnosis finds it); null otherwise
 * @param apply     remedies to apply: names from the plan ({@code rollback}, {@code scale}, {@code clear-cache},
 *                  {@code restart-agent}) or {@code all}; empty: diagnose and propose only
 * @param dryRun    the applied remedies plan only (their own dry runs)
 * @param since     how far back the diagnosis reads (logs, metrics); 1 hour by default, as the runbook's P1 reads
 * @param startedAt when the incident began (escalation timing); null: now
 * @param noNotify  a drill: nobody is escalated to, the record says whom it would have told
 */
public record IncidentRequest(String level, String agent, List<String> apply, boolean dryRun, Duration since,
                              Instant startedAt, boolean noNotify) {
    public static final List<String> LEVELS = List.of("P0", "P1", "P2");
    public static final List<String> REMEDIES = List.of("rollback", "scale", "clear-cache", "restart-agent");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})([mhd])");

    public IncidentRequest {
        if (level == null || !LEVELS.contains(level)) {
            throw InvalidInputException.notAllowed("level", level, LEVELS);
        }
        agent = agent == null || agent.isBlank() ? null : agent.strip();
        List<String> names = new ArrayList<>();
        for (String a : apply == null ? List.<String>of() : apply) {
            String name = a == null ? "" : a.strip();
            if (!name.equals("all") && !REMEDIES.contains(name)) {
                throw new InvalidInputException("apply", "got '" + name + "'; allowed: all, "
                        + String.join(", ", REMEDIES));
            }
            names.add(name);
        }
        apply = List.copyOf(names);
        since = since == null ? Duration.ofHours(1) : since;
        if (since.compareTo(Duration.ofMinutes(5)) < 0 || since.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException("since", "got " + since + "; allowed 5m..24h");
        }
    }

    /** {@code 30m}, {@code 2h}, {@code 1d}: the CLI's and the step's {@code since}. */
    public static Duration parseSince(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("since", "got '" + text + "'; allowed: N followed by m, h or d (e.g. 90m, 2h), 5m..24h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Whether the request asks to apply this remedy. */
    public boolean applies(String remedy) {
        return apply.contains("all") || apply.contains(remedy);
    }
}
