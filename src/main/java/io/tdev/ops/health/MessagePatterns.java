package io.tdev.ops.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups log messages that differ only in their variable parts: timestamps, UUIDs, hex, ids and numbers become
 * placeholders, so "timeout after 3012 ms for job 7f3a..." and "timeout after 2990 ms for job 01bc..." count as
 * one pattern. Credentials after {@code password=}, {@code token=}, {@code Bearer} ... are masked so that a pattern
 * never carries a secret into a report.
 *
 * <p>The rules are {@link RegexMessageRules}' regular expressions; {@link MessageNormaliser} applies them in one scan
 * per line without a regex, and {@link Counter} counts patterns in a table it looks up from the scan's buffer, so
 * counting a line whose pattern was seen before allocates nothing and memory grows with the patterns, not the lines.
 */
public final class MessagePatterns {
    /** Patterns are cut to this many characters (and "..."). */
    static final int MAX_LENGTH = 200;

    /** One pattern and how many messages matched it. */
    public record Count(String pattern, int count) {
    }

    private static final ThreadLocal<MessageNormaliser> NORMALISER = ThreadLocal.withInitial(MessageNormaliser::new);

    private MessagePatterns() {
    }

    public static String normalise(String message) {
        if (message == null) {
            return "";
        }
        MessageNormaliser n = NORMALISER.get();
        int len = n.normalise(message);
        return len < 0 ? RegexMessageRules.normalise(message) : new String(n.buffer(), 0, len);
    }

    /** The {@code limit} most frequent patterns, most frequent first (ties: alphabetical). */
    public static List<Count> top(List<String> messages, int limit) {
        Counter counter = new Counter();
        for (String m : messages) {
            counter.add(m);
        }
        return counter.top(limit);
    }

    /** Counts the patterns of messages added one by one (a stream of any length); one thread at a time. */
    public static final class Counter {
        private final MessageNormaliser normaliser = new MessageNormaliser();
        private String[] keys = new String[64];
        private int[] hashes = new int[64];
        private int[] counts = new int[64];
        private int size;

        public void add(String message) {
            if (message == null) {
                count("".toCharArray(), 0);
                return;
            }
            int len = normaliser.normalise(message);
            if (len >= 0) {
                count(normaliser.buffer(), len);
            } else {
                String pattern = RegexMessageRules.normalise(message);
                count(pattern.toCharArray(), pattern.length());
            }
        }

        /**
         * Adds every line of the UTF-8 text {@code in} reads (ended by \n, \r\n or \r, as
         * {@link java.io.BufferedReader#readLine} ends them), reading it in blocks: memory stays the block and the
         * patterns, whatever the length of the input. An ASCII line (nearly every log line) goes from its bytes
         * straight into the scan: no decoder pass and no String per line; any other line is decoded on its own (its
         * end bytes, \n and \r, never occur inside a multi-byte UTF-8 character).
         */
        public void addLines(InputStream in) throws IOException {
            byte[] block = new byte[1 << 18];
            int filled = 0;
            boolean skipNewline = false;
            for (int read = in.read(block, 0, block.length); read >= 0 || filled > 0;
                 read = read < 0 ? -1 : in.read(block, filled, block.length - filled)) {
                if (read > 0) {
                    filled += read;
                }
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    byte b = block[i];
                    if (b == '\n' || b == '\r') {
                        if (skipNewline && b == '\n' && i == start) {
                            skipNewline = false;
                            start = i + 1;
                            continue;
                        }
                        addLine(block, start, i - start);
                        skipNewline = b == '\r';
                        start = i + 1;
                    } else {
                        skipNewline = false;
                    }
                }
                if (read < 0) {
                    if (start < filled) {
                        addLine(block, start, filled - start);
                    }
                    return;
                }
                System.arraycopy(block, start, block, 0, filled - start);
                filled -= start;
                if (filled == block.length) {
                    block = Arrays.copyOf(block, block.length * 2);
                }
            }
        }

        private void addLine(byte[] text, int from, int n) {
            int len = normaliser.normaliseAscii(text, from, n);
            if (len >= 0) {
                count(normaliser.buffer(), len);
            } else {
                add(new String(text, from, n, StandardCharsets.UTF_8));
            }
        }

        /** How many distinct patterns so far. */
        public int patterns() {
            return size;
        }

        /** The {@code limit} most frequent patterns so far, most frequent first (ties: alphabetical). */
        public List<Count> top(int limit) {
            List<Count> all = new ArrayList<>(size);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    all.add(new Count(keys[i], counts[i]));
                }
            }
            all.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::pattern));
            return all.size() > limit ? List.copyOf(all.subList(0, Math.max(0, limit))) : List.copyOf(all);
        }

        private void count(char[] pattern, int len) {
            int h = 0;
            for (int i = 0; i < len; i++) {
                h = 31 * h + pattern[i];
            }
            int mask = keys.length - 1;
            int i = mix(h) & mask;
            while (keys[i] != null) {
                if (hashes[i] == h && same(keys[i], pattern, len)) {
                    counts[i]++;
                    return;
                }
                i = (i + 1) & mask;
            }
            keys[i] = new String(pattern, 0, len);
            hashes[i] = h;
            counts[i] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private static boolean same(String key, char[] pattern, int len) {
            if (key.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (key.charAt(i) != pattern[i]) {
                    return false;
                }
            }
            return true;
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldCounts = counts;
            keys = new String[oldKeys.length * 2];
            hashes = new int[keys.length];
            counts = new int[keys.length];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int i = mix(oldHashes[j]) & mask;
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    hashes[i] = oldHashes[j];
                    counts[i] = oldCounts[j];
                }
            }
        }
    }
}
