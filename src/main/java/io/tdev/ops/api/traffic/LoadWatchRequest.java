package io.tdev.ops.api.traffic;

import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watch the service while a load test runs.
 *
 * @param duration              how long the test runs (1 minute .. 24 hours)
 * @param p95LimitSeconds       stop when the ALB's TargetResponseTime p95 passes this; null: the pipeline SLO
 * @param errorRateLimitPercent stop when the ALB's 5xx share of requests passes this; null: the high-error-rate
 *                              threshold of the SLOs
 */
public record LoadWatchRequest(Duration duration, Double p95LimitSeconds, Double errorRateLimitPercent) {
    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofHours(24);
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    public LoadWatchRequest {
        if (duration == null || duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw new InvalidInputException("duration", "got '" + (duration == null ? "" : duration.toString())
                    + "'; allowed 1m..24h (e.g. 10m, 90s, 1h)");
        }
        if (p95LimitSeconds != null && !(p95LimitSeconds > 0 && p95LimitSeconds <= 3600)) {
            throw new InvalidInputException("p95LimitSeconds", "got " + p95LimitSeconds + "; allowed > 0 .. 3600");
        }
        if (errorRateLimitPercent != null && !(errorRateLimitPercent > 0 && errorRateLimitPercent <= 100)) {
            throw new InvalidInputException("errorRateLimitPercent", "got " + errorRateLimitPercent
                    + "; allowed > 0 .. 100");
        }
    }

    /** {@code 10m}, {@code 90s}, {@code 1h}, {@code 1h30m} or an ISO-8601 duration, as the CLI and the steps take it. */
    public static Duration parseDuration(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required: a duration such as 10m, 90s or 1h30m");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            Matcher m = SHORT.matcher(t);
            if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
                return Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                        .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                        .plusSeconds(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
            }
        } catch (RuntimeException e) {
            // falls through to the message below
        }
        throw new InvalidInputException(field, "got '" + text + "'; expected a duration such as 10m, 90s or 1h30m");
    }
}
