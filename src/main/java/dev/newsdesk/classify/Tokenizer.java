package dev.newsdesk.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * A tokeniser with the same rules as OpenNLP's {@code SimpleTokenizer} (runs of letters, runs of digits, and
 * runs of one repeated other character are tokens; white space separates), written to stream spans without
 * allocating, because it sits on the classify hot path. {@code TokenizerTest} checks the two agree.
 */
public final class Tokenizer {

    /** Character classes, as OpenNLP defines them. */
    public static final int WHITESPACE = 0;

    public static final int ALPHABETIC = 1;
    public static final int NUMERIC = 2;
    public static final int OTHER = 3;

    /** Receives token spans: {@code [start, end)} of the text and the span's character class. */
    @FunctionalInterface
    public interface Sink {
        void token(int start, int end, int kind);
    }

    /**
     * Receives token spans with the FNV-1a hash of the token's lower-cased characters, computed during the same scan
     * (the featuriser's hot path reads each character once).
     */
    @FunctionalInterface
    public interface HashingSink {
        void token(int start, int end, int kind, long lowerHash);
    }

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private Tokenizer() {}

    static int kind(char c) {
        if (c < 128) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                return ALPHABETIC;
            }
            if (c >= '0' && c <= '9') {
                return NUMERIC;
            }
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B || (c >= 0x1C && c <= 0x1F)) {
                return WHITESPACE;
            }
            return OTHER;
        }
        if (c >= '\u2010' && c <= '\u201F') {
            // dashes and typographic quotes, the commonest characters above ASCII in news text
            return OTHER;
        }
        if (Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
            return WHITESPACE;
        }
        if (Character.isLetter(c)) {
            return ALPHABETIC;
        }
        if (Character.isDigit(c)) {
            return NUMERIC;
        }
        return OTHER;
    }

    /** Streams the tokens of {@code s} to {@code sink}. */
    public static void tokenize(CharSequence s, Sink sink) {
        int n = s.length();
        int state = WHITESPACE;
        int start = -1;
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int kind = kind(c);
            if (state == WHITESPACE) {
                if (kind != WHITESPACE) {
                    start = i;
                }
            } else if (kind != state || (kind == OTHER && c != prev)) {
                sink.token(start, i, state);
                start = i;
            }
            state = kind;
            prev = c;
        }
        if (state != WHITESPACE) {
            sink.token(start, n, state);
        }
    }

    /**
     * Streams the tokens of {@code s[0, n)} with their lower-case hashes; the spans are exactly those of {@link
     * #tokenize(CharSequence, Sink)}.
     */
    public static void tokenize(char[] s, int n, HashingSink sink) {
        int state = WHITESPACE;
        int start = -1;
        char prev = 0;
        long h = FNV_OFFSET;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            int kind;
            char lower;
            if (c < 128) {
                int folded = c | 0x20;
                if (folded >= 'a' && folded <= 'z') {
                    kind = ALPHABETIC;
                    lower = (char) folded;
                } else if (c >= '0' && c <= '9') {
                    kind = NUMERIC;
                    lower = c;
                } else {
                    kind = c == ' '
                                    || c == '\n'
                                    || c == '\t'
                                    || c == '\r'
                                    || c == '\f'
                                    || c == 0x0B
                                    || (c >= 0x1C && c <= 0x1F)
                            ? WHITESPACE
                            : OTHER;
                    lower = c;
                }
            } else {
                kind = kind(c);
                lower = Character.toLowerCase(c);
            }
            if (state == WHITESPACE) {
                if (kind != WHITESPACE) {
                    start = i;
                    h = FNV_OFFSET;
                }
            } else if (kind != state || (kind == OTHER && c != prev)) {
                sink.token(start, i, state, h);
                start = i;
                h = FNV_OFFSET;
            }
            h = (h ^ lower) * FNV_PRIME;
            state = kind;
            prev = c;
        }
        if (state != WHITESPACE) {
            sink.token(start, n, state, h);
        }
    }

    /** The tokens of {@code s} as strings (tests and evidence, not the hot path). */
    public static List<String> tokens(CharSequence s) {
        List<String> out = new ArrayList<>();
        tokenize(s, (a, b, k) -> out.add(s.subSequence(a, b).toString()));
        return out;
    }
}
