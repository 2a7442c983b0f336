package io.tdev.ops.sim;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Log messages as the T-Developer backend writes them. They carry ids, UUIDs, hex and numbers, so that a
 * health check has to normalise them before grouping similar messages.
 */
final class LogLines {
    static final List<String> AGENTS = List.of("analysis", "ui-selection", "parser", "component-decision",
            "match-rate", "search", "generation", "assembly", "download");
    /** Typical execution seconds per agent, in the order of {@link #AGENTS}. */
    static final double[] AGENT_SECONDS = {2.1, 1.2, 0.8, 3.4, 1.1, 2.2, 7.2, 4.0, 0.6};

    private LogLines() {
    }

    static String info(Random r) {
        String agent = AGENTS.get(r.nextInt(AGENTS.size()));
        return switch (r.nextInt(3)) {
            case 0 -> "INFO [" + agent + "-agent] request req-" + hex(r, 8) + " completed in " + (200 + r.nextInt(4000)) + " ms";
            case 1 -> "INFO Project " + uuid(r) + " generated: " + (5 + r.nextInt(40)) + " files, "
                    + (20 + r.nextInt(900)) + " KB uploaded to s3";
            default -> "INFO GET /health 200 " + (1 + r.nextInt(9)) + " ms";
        };
    }

    static String executionTime(Random r, String agent, double seconds) {
        return String.format(Locale.ROOT, "INFO agent=%s-agent execution_time=%.2fs project_id=%s", agent, seconds, uuid(r));
    }

    /** A call of a failing agent: timeouts mostly, the odd connection reset. */
    static String agentFailure(Random r, String agent) {
        return r.nextInt(4) == 0
                ? String.format(Locale.ROOT, "ERROR agent=%s-agent execution failed: ConnectionResetError: peer reset the"
                        + " connection project_id=%s", agent, uuid(r))
                : String.format(Locale.ROOT, "ERROR agent=%s-agent execution failed: TimeoutError after 30.00s project_id=%s",
                        agent, uuid(r));
    }

    /** The occasional error of a healthy service. */
    static String backgroundError(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "ERROR Failed to upload project " + uuid(r) + " to S3: Read timed out after " + (30000 + r.nextInt(500)) + " ms";
            case 1 -> "ERROR Agent search-agent returned HTTP 429 for request req-" + hex(r, 8) + ", retrying in "
                    + (500 + r.nextInt(1500)) + " ms";
            default -> "ERROR DynamoDB ConditionalCheckFailedException on item project#" + uuid(r) + " (attempt " + (1 + r.nextInt(3)) + ")";
        };
    }

    /** What a task of a bad image logs while it fails. */
    static String failureError(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "ERROR Generation failed for project " + uuid(r) + ": timeout after " + (60000 + r.nextInt(5000))
                    + " ms in agent generation";
            case 1 -> "ERROR Unhandled exception in request req-" + hex(r, 8) + ": java.lang.NullPointerException: Cannot invoke "
                    + "\"io.tdev.agents.ComponentSpec.name()\" because \"spec\" is null";
            case 2 -> "ERROR Health check /health returned 503: dependency decision-agent not ready after "
                    + (2 + r.nextInt(4)) + " attempts";
            default -> "ERROR Failed to load template registry from redis://10.0." + (1 + r.nextInt(3)) + "." + (10 + r.nextInt(200))
                    + ":6379: Connection refused (attempt " + (1 + r.nextInt(5)) + " of 5)";
        };
    }

    static String authenticationFailed(Random r) {
        String key = hex(r, 4); // drawn before the address, as always: the same seed writes the same history
        return authenticationFailed(key, "203.0.113." + (1 + r.nextInt(254)));
    }

    static String authenticationFailed(Random r, String source) {
        return authenticationFailed(hex(r, 4), source);
    }

    private static String authenticationFailed(String key, String source) {
        return "WARN authentication failed for api key ak_****" + key + " from " + source + ": invalid signature";
    }

    static String rateLimitExceeded(Random r) {
        return rateLimitExceeded(r, "198.51.100." + (1 + r.nextInt(254)));
    }

    static String rateLimitExceeded(Random r, String source) {
        return "WARN rate_limit_exceeded client=" + source + " route=/api/v1/generate limit=100/min count="
                + (101 + r.nextInt(80));
    }

    static String uuid(Random r) {
        return new UUID((r.nextLong() & 0xffffffffffff0fffL) | 0x4000L, (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
    }

    static String hex(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }
}
