package io.tdev.ops.health;

/**
 * The rules of {@link RegexMessageRules}, without regular expressions: one left-to-right scan of the line decides at
 * each word start which rule the regex passes would apply there (time, then uuid, then hex, then id, else numbers
 * inside it), and writes the pattern into a reused buffer, collapsing spaces, trimming and cutting at 200 characters
 * on the way. Credentials are masked first, by a scan that copies the line only when it has a credential. Nothing is
 * allocated per line once the buffers have grown; a line with a non-ASCII character goes to the regular expressions
 * (their {@code \b} and case-insensitivity follow Unicode there), so every line groups exactly as by the rules.
 *
 * <p>Why a decision per word start is enough: every replaced token starts and ends at a word boundary, so a
 * replacement never changes where another word starts. The places where an earlier pass changes what a later one
 * sees are handled explicitly: an id that joins words with '-' stops before a word that is a time, uuid or hex
 * (there the text already says {@code <hex>}), and a number's sign or decimals do not reach into a word that is
 * replaced. Not thread-safe: one instance per thread (see {@link MessagePatterns.Counter}).
 */
final class MessageNormaliser {
    private static final char[] REDACTED = "<redacted>".toCharArray();
    private static final char[] TIME = "<time>".toCharArray();
    private static final char[] UUID = "<uuid>".toCharArray();
    private static final char[] HEX = "<hex>".toCharArray();
    private static final char[] ID = "<id>".toCharArray();
    private static final char[] NUMBER = "<n>".toCharArray();
    private static final String[] SECRET_WORDS = {"password", "passwd", "pwd", "secret", "token", "authorization"};
    /** Secret names of the form NAME[_-]?key. */
    private static final String[] KEY_WORDS = {"api", "access"};

    /** The line, after the credential scan when it had a credential. */
    private char[] c = new char[256];
    private int m;
    private char[] spare = new char[256];
    /** The pattern being written. */
    private char[] out = new char[MessagePatterns.MAX_LENGTH + 56];
    private int len;
    /** The last character written was a space that stands for a run of whitespace. */
    private boolean inSpaces;
    /** The pattern has more than MAX_LENGTH characters before its trailing whitespace. */
    private boolean cut;
    /** The character before the current position as the number rule sees it ('>' after a placeholder). */
    private char before;

    /** The pattern of the last {@link #normalise} as a buffer; valid until the next call. */
    char[] buffer() {
        return out;
    }

    /** Normalises {@code line} into {@link #buffer()}; returns the length, or -1 when the line is not ASCII. */
    int normalise(String line) {
        int n = line.length();
        grow(n);
        line.getChars(0, n, c, 0);
        return normaliseBuffer(n);
    }

    /**
     * As {@link #normalise(String)}, for the UTF-8 bytes {@code text[from, from + n)}: -1 at the first byte that is
     * not ASCII (the caller decodes such a line), else each byte is its character.
     */
    int normaliseAscii(byte[] text, int from, int n) {
        grow(n);
        for (int i = 0; i < n; i++) {
            byte b = text[from + i];
            if (b < 0) {
                return -1;
            }
            c[i] = (char) b;
        }
        return normaliseAsciiBuffer(n);
    }

    private void grow(int n) {
        if (c.length < n) {
            c = new char[Math.max(n, c.length * 2)];
        }
        if (spare.length < c.length) {
            // the credential scans swap the two buffers: keep them the same size, so that neither grows again
            spare = new char[c.length];
        }
    }

    private int normaliseBuffer(int n) {
        for (int i = 0; i < n; i++) {
            if (c[i] >= 0x80) {
                return -1;
            }
        }
        return normaliseAsciiBuffer(n);
    }

    /** The line in {@code c[0, n)}, known to be ASCII. */
    private int normaliseAsciiBuffer(int n) {
        m = n;
        if (mayHaveCredential()) {
            bearer();
            secrets();
        }
        scan();
        return len;
    }

    // ---- credentials (the regex passes 1 and 2: bearer, then secrets on its result)

    /** A word that starts a credential rule (bearer, basic or a secret's name) starts somewhere in the line. */
    private boolean mayHaveCredential() {
        for (int i = 0; i < m; i++) {
            char ch = (char) (c[i] | 0x20);
            if ((ch == 'b' || ch == 'p' || ch == 's' || ch == 't' || ch == 'a') && wordStart(c, i)
                    && (startsWithIgnoreCase(c, m, i, "bearer") || startsWithIgnoreCase(c, m, i, "basic")
                    || secretWord(i) > 0)) {
                return true;
            }
        }
        return false;
    }

    /** {@code (?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+} becomes {@code $1 <redacted>}. */
    private void bearer() {
        char[] to = ensureSpare(m + m / 2 + 16);
        int k = 0;
        boolean changed = false;
        int i = 0;
        while (i < m) {
            int word = wordStart(c, i) ? (startsWithIgnoreCase(c, m, i, "bearer") ? 6
                    : startsWithIgnoreCase(c, m, i, "basic") ? 5 : 0) : 0;
            if (word > 0) {
                int ws = i + word;
                while (ws < m && isSpace(c[ws])) {
                    ws++;
                }
                if (ws > i + word && ws < m && isTokenChar(c[ws])) {
                    int e = ws;
                    while (e < m && isTokenChar(c[e])) {
                        e++;
                    }
                    to = ensureSpare(to, k + word + 1 + REDACTED.length + (m - e));
                    System.arraycopy(c, i, to, k, word);
                    k += word;
                    to[k++] = ' ';
                    System.arraycopy(REDACTED, 0, to, k, REDACTED.length);
                    k += REDACTED.length;
                    i = e;
                    changed = true;
                    continue;
                }
            }
            to = ensureSpare(to, k + 1);
            to[k++] = c[i++];
        }
        if (changed) {
            swap(k);
        }
    }

    /** {@code (?i)\b(password|...|authorization)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)} becomes {@code $1$2<redacted>}. */
    private void secrets() {
        char[] to = ensureSpare(m + 16);
        int k = 0;
        boolean changed = false;
        int i = 0;
        while (i < m) {
            int word = wordStart(c, i) ? secretWord(i) : 0;
            if (word > 0) {
                int j = i + word;
                while (j < m && isSpace(c[j])) {
                    j++;
                }
                if (j < m && (c[j] == '=' || c[j] == ':')) {
                    j++;
                    while (j < m && isSpace(c[j])) {
                        j++;
                    }
                    if (j < m) {
                        int e = valueEnd(j);
                        to = ensureSpare(to, k + (j - i) + REDACTED.length + (m - e));
                        System.arraycopy(c, i, to, k, j - i);
                        k += j - i;
                        System.arraycopy(REDACTED, 0, to, k, REDACTED.length);
                        k += REDACTED.length;
                        i = e;
                        changed = true;
                        continue;
                    }
                }
            }
            to = ensureSpare(to, k + 1);
            to[k++] = c[i++];
        }
        if (changed) {
            swap(k);
        }
    }

    private int secretWord(int i) {
        char first = (char) (c[i] | 0x20);
        if (first != 'p' && first != 's' && first != 't' && first != 'a') {
            return 0; // the first letters of SECRET_WORDS and KEY_WORDS
        }
        for (String w : SECRET_WORDS) {
            if (startsWithIgnoreCase(c, m, i, w)) {
                return w.length();
            }
        }
        for (String w : KEY_WORDS) {
            if (startsWithIgnoreCase(c, m, i, w)) {
                int j = i + w.length();
                if (j < m && (c[j] == '_' || c[j] == '-') && startsWithIgnoreCase(c, m, j + 1, "key")) {
                    return w.length() + 4;
                }
                if (startsWithIgnoreCase(c, m, j, "key")) {
                    return w.length() + 3;
                }
            }
        }
        return 0;
    }

    /** A quoted value up to its closing quote, else the run of non-whitespace. */
    private int valueEnd(int j) {
        char q = c[j];
        if (q == '"' || q == '\'') {
            for (int e = j + 1; e < m; e++) {
                if (c[e] == q) {
                    return e + 1;
                }
            }
        }
        int e = j;
        while (e < m && !isSpace(c[e])) {
            e++;
        }
        return e;
    }

    // ---- the scan: time, uuid, hex, id and number at once, then spaces, trim and the length cap

    private void scan() {
        len = 0;
        inSpaces = false;
        cut = false;
        before = 0;
        int p = 0;
        while (p < m && !cut) {
            boolean wordStart = wordStart(c, p);
            if (wordStart && !digitIn(p)) {
                // no digit in the word and the '-'-joined words after it: only a uuid of hex letters can start here
                int e = uuidEnd(p);
                if (e > 0) {
                    p = placeholder(UUID, e);
                    continue;
                }
                // nor a number inside the word: it is copied as it is, up to its end (the common case, at once)
                int end = p;
                while (end < m && isWord(c[end])) {
                    end++;
                }
                copyVisible(p, end);
                before = c[end - 1];
                p = end;
                continue;
            } else if (wordStart) {
                int e = timestampEnd(p);
                if (e > 0) {
                    p = placeholder(TIME, e);
                    continue;
                }
                e = uuidEnd(p);
                if (e > 0) {
                    p = placeholder(UUID, e);
                    continue;
                }
                e = hexEnd(p);
                if (e > 0) {
                    p = placeholder(HEX, e);
                    continue;
                }
                e = idEnd(p);
                if (e > 0) {
                    p = placeholder(ID, e);
                    continue;
                }
            }
            if (!(isLetter(before) || before == '<')) {
                int e = numberEnd(p);
                if (e > 0) {
                    write(NUMBER);
                    before = c[e - 1];
                    p = e;
                    continue;
                }
            }
            char ch = c[p++];
            before = ch;
            if (isSpace(ch)) {
                if (!inSpaces && len > 0) {
                    append(' ');
                }
                inSpaces = true;
            } else {
                if (len > 0 || ch > ' ') {
                    append(ch);
                }
                inSpaces = false;
            }
        }
        if (cut) {
            // the first MAX_LENGTH characters, whitespace at their end included, and "..."
            len = MessagePatterns.MAX_LENGTH;
            out[len++] = '.';
            out[len++] = '.';
            out[len++] = '.';
        } else {
            while (len > 0 && out[len - 1] <= ' ') {
                len--;
            }
        }
    }

    private int placeholder(char[] text, int end) {
        write(text);
        before = '>';
        return end;
    }

    private void write(char[] text) {
        for (char ch : text) {
            append(ch);
        }
        inSpaces = false;
    }

    /** {@code c[from, to)}, none of them whitespace, appended at once (as {@link #append} one by one would). */
    private void copyVisible(int from, int to) {
        int n = Math.min(to - from, Math.max(0, MessagePatterns.MAX_LENGTH - len));
        if (len + n > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, len + n));
        }
        System.arraycopy(c, from, out, len, n);
        len += n;
        cut = n < to - from;
        inSpaces = false;
    }

    private void append(char ch) {
        if (len >= MessagePatterns.MAX_LENGTH && ch > ' ') {
            // a visible character past the cap: the trimmed pattern is longer than the cap, whatever follows
            cut = true;
            return;
        }
        if (len == out.length) {
            char[] bigger = new char[out.length * 2];
            System.arraycopy(out, 0, bigger, 0, len);
            out = bigger;
        }
        out[len++] = ch;
    }

    /** {@code \d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}:?\d{2})?\b}, backtracking as the regex does. */
    private int timestampEnd(int w) {
        if (!(digits(w, 4) && at(w + 4, '-') && digits(w + 5, 2) && at(w + 7, '-') && digits(w + 8, 2)
                && (at(w + 10, 'T') || at(w + 10, ' ')) && digits(w + 11, 2) && at(w + 13, ':') && digits(w + 14, 2))) {
            return -1;
        }
        int b = w + 16;
        if (at(b, ':') && digits(b + 1, 2)) {
            int f = b + 3;
            if ((at(f, '.') || at(f, ',')) && digits(f + 1, 1)) {
                int fe = f + 1;
                while (fe < m && isDigit(c[fe])) {
                    fe++;
                }
                for (int e1 = fe; e1 >= f + 2; e1--) {
                    int e = zoneEnd(e1);
                    if (e > 0) {
                        return e;
                    }
                }
            }
            int e = zoneEnd(f);
            if (e > 0) {
                return e;
            }
        }
        return zoneEnd(b);
    }

    /** {@code (Z|[+-]\d{2}:?\d{2})?\b} from {@code e1}. */
    private int zoneEnd(int e1) {
        if (at(e1, 'Z') && boundary(e1 + 1)) {
            return e1 + 1;
        }
        if ((at(e1, '+') || at(e1, '-')) && digits(e1 + 1, 2)) {
            int z = e1 + 3;
            if (at(z, ':') && digits(z + 1, 2) && boundary(z + 3)) {
                return z + 3;
            }
            if (digits(z, 2) && boundary(z + 2)) {
                return z + 2;
            }
        }
        return boundary(e1) ? e1 : -1;
    }

    /** {@code \b[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\b}. */
    private int uuidEnd(int w) {
        int e = w + 36;
        if (e > m) {
            return -1;
        }
        for (int i = w; i < e; i++) {
            int k = i - w;
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c[i] != '-' : !isHex(c[i])) {
                return -1;
            }
        }
        return boundary(e) ? e : -1;
    }

    /** {@code \b0[xX][0-9a-fA-F]+\b} or a whole word of 8 or more hex digits with a digit and a letter in it. */
    private int hexEnd(int w) {
        if (at(w, '0') && (at(w + 1, 'x') || at(w + 1, 'X')) && w + 2 < m && isHex(c[w + 2])) {
            int e = w + 2;
            while (e < m && isHex(c[e])) {
                e++;
            }
            if (boundary(e)) {
                return e;
            }
        }
        int e = w;
        boolean digit = false;
        boolean letter = false;
        while (e < m && isHex(c[e])) {
            digit |= isDigit(c[e]);
            letter |= !isDigit(c[e]);
            e++;
        }
        return e - w >= 8 && digit && letter && boundary(e) ? e : -1;
    }

    /**
     * Whether the run of [A-Za-z0-9_-] from {@code w} holds a digit: without one no time, hex, id or number starts
     * at {@code w} (every one of them needs a digit within that run).
     */
    private boolean digitIn(int w) {
        for (int i = w; i < m; i++) {
            char ch = c[i];
            if (isDigit(ch)) {
                return true;
            }
            if (!(isLetter(ch) || ch == '_' || ch == '-')) {
                return false;
            }
        }
        return false;
    }

    /** A time, uuid or hex starts at {@code w}: after those passes the text there says {@code <...>}. */
    private boolean replacedBefore(int w) {
        return timestampEnd(w) > 0 || uuidEnd(w) > 0 || hexEnd(w) > 0;
    }

    /**
     * The id rule on the text after the time, uuid and hex passes: alphanumeric runs joined by '_' or '-' (the run
     * of [A-Za-z0-9_-] holding a digit and a letter, ending before a '-' or a non-word character), else a whole
     * alphanumeric word of 6 or more with a digit and a letter.
     */
    private int idEnd(int w) {
        // the [A-Za-z0-9_-]* run the lookaheads see: it stops where an earlier pass left a placeholder
        int r = w;
        boolean digit = false;
        boolean letter = false;
        while (r < m && (isAlnum(c[r]) || c[r] == '_' || c[r] == '-')) {
            if (r > w && c[r - 1] == '-' && isWord(c[r]) && replacedBefore(r)) {
                break;
            }
            digit |= isDigit(c[r]);
            letter |= isLetter(c[r]);
            r++;
        }
        if (digit && letter && isAlnum(c[w])) {
            int e = w;
            while (e < r && isAlnum(c[e])) {
                e++;
            }
            int match = -1;
            while (e + 1 < r && (c[e] == '_' || c[e] == '-') && isAlnum(c[e + 1])) {
                e += 2;
                while (e < r && isAlnum(c[e])) {
                    e++;
                }
                // \b after the group: the end of the run (a placeholder or a non-word character follows) or a '-'
                if (e == r || c[e] == '-') {
                    match = e;
                }
            }
            if (match > 0) {
                return match;
            }
        }
        int e = w;
        digit = false;
        letter = false;
        while (e < m && isAlnum(c[e])) {
            digit |= isDigit(c[e]);
            letter |= isLetter(c[e]);
            e++;
        }
        return e - w >= 6 && digit && letter && boundary(e) ? e : -1;
    }

    /** {@code [-+]?\d+(\.\d+)?} at {@code p}, where digits that start a replaced word are not digits any more. */
    private int numberEnd(int p) {
        int d = p;
        if (at(p, '+') || at(p, '-')) {
            d = p + 1;
            if (!(d < m && isDigit(c[d])) || replacedWordAt(d)) {
                return -1;
            }
        } else if (!(p < m && isDigit(c[p]))) {
            return -1;
        }
        int e = d;
        while (e < m && isDigit(c[e])) {
            e++;
        }
        if (at(e, '.') && e + 1 < m && isDigit(c[e + 1]) && !replacedWordAt(e + 1)) {
            e++;
            while (e < m && isDigit(c[e])) {
                e++;
            }
        }
        return e;
    }

    /** A word starting at {@code w} (after a sign or a point) that the time, uuid, hex or id pass replaces. */
    private boolean replacedWordAt(int w) {
        return replacedBefore(w) || idEnd(w) > 0;
    }

    // ---- characters, as java.util.regex sees ASCII

    private boolean wordStart(char[] t, int i) {
        return isWord(t[i]) && (i == 0 || !isWord(t[i - 1]));
    }

    private boolean boundary(int e) {
        boolean left = e > 0 && isWord(c[e - 1]);
        boolean right = e < m && isWord(c[e]);
        return left != right;
    }

    private boolean digits(int from, int count) {
        if (from + count > m) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(c[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean at(int i, char ch) {
        return i < m && c[i] == ch;
    }

    private static boolean startsWithIgnoreCase(char[] t, int n, int i, String word) {
        if (i + word.length() > n) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char ch = t[i + k];
            if (ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + 32);
            }
            if (ch != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    // One table lookup per question instead of a chain of comparisons: the classes are asked of every character
    // (the scan's profile was mostly isWord/isAlnum/isLetter). Lines reach the scan only when all ASCII.
    private static final byte DIGIT = 1;
    private static final byte LETTER = 2;
    private static final byte HEX_LETTER = 4;
    private static final byte UNDERSCORE = 8;
    private static final byte SPACE = 16;
    private static final byte TOKEN_PUNCT = 32;
    private static final byte[] CLASS = new byte[128];

    static {
        for (char ch = '0'; ch <= '9'; ch++) {
            CLASS[ch] = DIGIT;
        }
        for (char ch = 'a'; ch <= 'z'; ch++) {
            CLASS[ch] = (byte) (LETTER | (ch <= 'f' ? HEX_LETTER : 0));
            CLASS[ch - 32] = CLASS[ch];
        }
        CLASS['_'] = UNDERSCORE;
        for (char ch : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
            CLASS[ch] = SPACE;
        }
        for (char ch : new char[] {'.', '~', '+', '/', '=', '-'}) {
            CLASS[ch] = TOKEN_PUNCT;
        }
    }

    private static boolean is(char ch, int classes) {
        return ch < 128 && (CLASS[ch] & classes) != 0;
    }

    static boolean isSpace(char ch) {
        return is(ch, SPACE);
    }

    private static boolean isDigit(char ch) {
        return is(ch, DIGIT);
    }

    private static boolean isLetter(char ch) {
        return is(ch, LETTER);
    }

    private static boolean isAlnum(char ch) {
        return is(ch, DIGIT | LETTER);
    }

    private static boolean isWord(char ch) {
        return is(ch, DIGIT | LETTER | UNDERSCORE);
    }

    private static boolean isHex(char ch) {
        return is(ch, DIGIT | HEX_LETTER);
    }

    private static boolean isTokenChar(char ch) {
        return is(ch, DIGIT | LETTER | UNDERSCORE | TOKEN_PUNCT);
    }

    // ---- buffers

    private char[] ensureSpare(int size) {
        if (spare.length < size) {
            spare = new char[Math.max(size, spare.length * 2)];
        }
        return spare;
    }

    private char[] ensureSpare(char[] to, int size) {
        if (to.length < size) {
            char[] bigger = new char[Math.max(size, to.length * 2)];
            System.arraycopy(to, 0, bigger, 0, to.length);
            spare = bigger;
            return bigger;
        }
        return to;
    }

    /** The spare buffer (k characters) becomes the line. */
    private void swap(int k) {
        char[] t = c;
        c = spare;
        spare = t;
        m = k;
    }
}
