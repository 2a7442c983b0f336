package io.tdev.ops.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the same regular expressions as {@code runbook.MessagePatterns}, applied one by one with
 * {@link String#replaceAll}, which compiles each pattern again for every message: how grouping is first written.
 * The bench checks that it groups exactly as the engine does before it compares their speed, so a change of the
 * engine's patterns that is not copied here stops the bench instead of comparing different work.
 */
final class NaiveMessagePatterns {
    static final String SECRET =
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|\\S+)";
    static final String BEARER = "(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+";
    static final String TIMESTAMP =
            "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?\\b";
    static final String UUID =
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b";
    static final String HEX =
            "\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b";
    static final String ID = "\\b(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+\\b"
            + "|\\b(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{6,}\\b";
    static final String NUMBER = "(?<![A-Za-z<])[-+]?\\d+(\\.\\d+)?";
    static final String SPACES = "\\s+";
    private static final int MAX_LENGTH = 200;

    /** The passes in the engine's order: name, pattern, replacement. */
    static final List<String[]> PASSES = List.of(new String[] {"bearer", BEARER, "$1 <redacted>"},
            new String[] {"secret", SECRET, "$1$2<redacted>"}, new String[] {"timestamp", TIMESTAMP, "<time>"},
            new String[] {"uuid", UUID, "<uuid>"}, new String[] {"hex", HEX, "<hex>"}, new String[] {"id", ID, "<id>"},
            new String[] {"number", NUMBER, "<n>"}, new String[] {"spaces", SPACES, " "});

    private NaiveMessagePatterns() {
    }

    static String normalise(String message) {
        String s = message;
        for (String[] pass : PASSES) {
            s = s.replaceAll(pass[1], pass[2]);
        }
        s = s.trim();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }

    /** Counted in a HashMap and sorted like the engine: most frequent first, ties alphabetical. */
    static List<Map.Entry<String, Integer>> top(List<String> messages, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (String m : messages) {
            counts.merge(normalise(m), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> all = new ArrayList<>(counts.entrySet());
        all.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
