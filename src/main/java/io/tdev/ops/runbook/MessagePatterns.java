package io.tdev.ops.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups log messages that differ only in their variable parts: timestamps, UUIDs, hex, ids and numbers become
 * placeholders, so "timeout after 3012 ms for job 7f3a..." and "timeout after 2990 ms for job 01bc..." count as
 * one pattern. Credentials after {@code password=}, {@code token=}, {@code Bearer} ... are masked so that a pattern
 * never carries a secret into a report.
 */
public final class MessagePatterns {
    /** One pattern and how many messages matched it. */
    public record Count(String pattern, int count) {
    }

    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?\\b");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b");
    /** Tokens mixing letters and digits (req-8f2k1, proj_123abc, i-0abc), but not plain words. */
    private static final Pattern ID = Pattern.compile(
            "\\b(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+\\b|\\b(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{6,}\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z<])[-+]?\\d+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_LENGTH = 200;

    private MessagePatterns() {
    }

    public static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String s = BEARER.matcher(message).replaceAll("$1 <redacted>");
        s = SECRET.matcher(s).replaceAll("$1$2<redacted>");
        s = TIMESTAMP.matcher(s).replaceAll("<time>");
        s = UUID.matcher(s).replaceAll("<uuid>");
        s = HEX.matcher(s).replaceAll("<hex>");
        s = ID.matcher(s).replaceAll("<id>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }

    /** The {@code limit} most frequent patterns, most frequent first (ties: alphabetical). */
    public static List<Count> top(List<String> messages, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String m : messages) {
            counts.merge(normalise(m), 1, Integer::sum);
        }
        List<Count> all = new ArrayList<>();
        counts.forEach((p, c) -> all.add(new Count(p, c)));
        all.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::pattern));
        return all.size() > limit ? List.copyOf(all.subList(0, Math.max(0, limit))) : List.copyOf(all);
    }
}
