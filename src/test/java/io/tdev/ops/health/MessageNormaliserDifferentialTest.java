package io.tdev.ops.health;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-scan normaliser against the rules it implements, {@link RegexMessageRules}: seeded generated lines
 * made of the pieces the rules care about (credentials, times, uuids, hex, ids, numbers, separators, placeholders'
 * brackets, long lines) and of random characters must normalise to exactly the same pattern, one by one.
 */
class MessageNormaliserDifferentialTest {
    private static final String[] PIECES = {
            "Bearer ", "bearer", "BASIC  ", "basic\t", "Authorization: Bearer ", "Authorization: ", "authorization=",
            "password=", "PASSWD: ", "pwd = ", "Secret:", "secret", "token=", "token :", "tokens=", "api_key=",
            "api-key:", "apikey=", "API_KEY", "access_key=", "accessKey=", "access-key =", "=", ":", "\"a b\"", "'x y'",
            "\"", "'", "eyJhbGciOi.x.y", "abc.def", "a/b+c=", "~",
            "2026-11-26T09:00:01.123Z", "2026-11-26 09:00", "2026-11-26T09:00:01+01:00", "2026-11-26T09:00:01,5+0100",
            "2026-11-26T09:00Z", "2026-11-26T09:00:01.123", "2026-11-26T09:00:01.5x", "2026-11-26T09:00-0530",
            "7b0e5c1a-2f4d-4a9e-8c3b-1d2e3f4a5b6c", "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0",
            "7b0e5c1a-2f4d-4a9e-8c3b-1d2e3f4a5b6", "0x1F", "0Xdead", "0xZZ", "0x", "deadbeef12", "DEADBEEF",
            "12345678", "9F3A2B1C4D5E6F70", "abcdef12_", "req-8f2k1", "proj_123abc", "i-0abc", "ab-cd-", "ab-cd--9",
            "a_b", "_x1-2", "x-1", "req-", "-9f3a2b1c4", "-5", "+3.14", "1.2.3", "12ab", "ab12", "v2", "abc123",
            "abcdef", "abc1234", "1.23abc4", "5.deadbeef1", "-deadbeef12", "HTTP 429", "s3://bucket/proj_9a/app.zip",
            "10.0.1.23:6379", "<n>", "<", ">", "<5", "x<y", "(", ")", "[", "]", ",", ".", "-", "_", "+", "/", "#",
            " ", "  ", "\t", "\n", "\r\n", "\u0001", "\u000B", "\f"};
    private static final String ALPHABET = "aBcDeFxyzZT0123456789-_.,:;=+/<> \t\"'";

    @Test
    void generatedLinesNormaliseExactlyAsTheRegularExpressionsDo() {
        Random r = new Random(20261207L);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 60_000 && disagreements.size() < 5; i++) {
            String line = i % 3 == 2 ? randomChars(r) : pieces(r);
            String expected = RegexMessageRules.normalise(line);
            String actual = MessagePatterns.normalise(line);
            if (!expected.equals(actual)) {
                disagreements.add("line:   " + printable(line) + "\nregex:  " + printable(expected) + "\nscan:   "
                        + printable(actual));
            }
        }
        assertThat(disagreements).as(String.join("\n\n", disagreements)).isEmpty();
    }

    /** Java's \\b sees 'é' as a letter: "éa12bc3" is one word, not an id, and only its number after a digit goes. */
    @Test
    void aNonAsciiLineIsNormalisedByTheRegularExpressions() {
        String line = "Überprüfung fehlgeschlagen für Projekt 7b0e5c1a-2f4d-4a9e-8c3b-1d2e3f4a5b6c nach 3012 ms, éa12bc3";
        assertThat(MessagePatterns.normalise(line)).isEqualTo(RegexMessageRules.normalise(line))
                .isEqualTo("Überprüfung fehlgeschlagen für Projekt <uuid> nach <n> ms, éa1<n>bc3");
    }

    @Test
    void theCounterGroupsAsNormaliseDoesAndCountsEachLineOnce() {
        Random r = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lines.add(pieces(r));
        }
        java.util.Map<String, Integer> expected = new java.util.HashMap<>();
        lines.forEach(l -> expected.merge(RegexMessageRules.normalise(l), 1, Integer::sum));

        List<MessagePatterns.Count> all = MessagePatterns.top(lines, Integer.MAX_VALUE);

        assertThat(all).hasSize(expected.size());
        assertThat(all).allSatisfy(c -> assertThat(c.count()).as(c.pattern()).isEqualTo(expected.get(c.pattern())));
    }

    @Test
    void linesReadAsUtf8BytesCountAsTheSameLinesInAList() throws Exception {
        Random r = new Random(11);
        List<String> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String[] endings = {"\n", "\r\n", "\r"};
        while (text.length() < 300_000) {
            String line = pieces(r).replace('\n', ' ').replace('\r', ' ');
            if (r.nextInt(7) == 0) {
                // not ASCII: decoded on its own, grouped by the rules' regular expressions
                line = line + " café 42 für €";
            }
            if (lines.size() == 100) {
                // longer than the read block: the block grows
                line = line + " x1".repeat(100_000);
            }
            lines.add(line);
            text.append(line).append(endings[r.nextInt(endings.length)]);
        }
        lines.add("last line without an ending 42");
        text.append("last line without an ending 42");
        MessagePatterns.Counter counter = new MessagePatterns.Counter();

        counter.addLines(new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(counter.top(Integer.MAX_VALUE)).isEqualTo(MessagePatterns.top(lines, Integer.MAX_VALUE));
    }

    private static String pieces(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 60 : 12);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
            if (r.nextInt(3) == 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    private static String randomChars(Random r) {
        int n = r.nextInt(r.nextInt(10) == 0 ? 300 : 40);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String printable(String s) {
        return "[" + s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\u000B", "\\v")
                .replace("\f", "\\f").replace("\u0001", "\\1") + "]";
    }
}
