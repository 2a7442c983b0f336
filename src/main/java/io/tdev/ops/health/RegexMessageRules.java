package io.tdev.ops.health;

import java.util.regex.Pattern;

/**
 * The rules of {@link MessagePatterns} written as regular expressions, applied one after another: the
 * specification the single-scan {@link MessageNormaliser} is tested against (every line the same result), and the
 * normaliser of lines with non-ASCII characters, where Java's {@code \b} follows Unicode letters.
 */
public final class RegexMessageRules {
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

    private RegexMessageRules() {
    }

    /** The pattern of {@code message}, by the regular expressions (precompiled), in the rules' order. */
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
        return s.length() > MessagePatterns.MAX_LENGTH ? s.substring(0, MessagePatterns.MAX_LENGTH) + "..." : s;
    }
}
