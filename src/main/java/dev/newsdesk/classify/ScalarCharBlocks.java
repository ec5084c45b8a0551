package dev.newsdesk.classify;

/** {@link CharBlocks} one character at a time, for JVMs without the Vector API. */
final class ScalarCharBlocks implements CharBlocks {

    /** Per ASCII character: its class (as {@link Tokenizer}) and its lower-case byte. */
    private static final byte[] KIND = new byte[128];

    private static final byte[] LOWER = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            KIND[c] = (byte) Tokenizer.kind(c);
            LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
    }

    @Override
    public void read(char[] text, int offset, byte[] lower, int lowerOffset, long[] masks) {
        long letters = 0;
        long digits = 0;
        long others = 0;
        long changed = 0;
        long quotes = 0;
        long breaks = 0;
        long questions = 0;
        long exclamations = 0;
        long nfkc = 0;
        char prev = text[offset - 1];
        for (int i = 0; i < 64; i++) {
            char c = text[offset + i];
            long bit = 1L << i;
            int kind;
            if (c < 128) {
                kind = KIND[c];
                lower[lowerOffset + i] = LOWER[c];
            } else {
                kind = Tokenizer.kind(c);
                lower[lowerOffset + i] = (byte) 0x80;
                if (CharBlocks.needsNfkc(c)) {
                    nfkc |= bit;
                }
            }
            if (kind == Tokenizer.ALPHABETIC) {
                letters |= bit;
            } else if (kind == Tokenizer.NUMERIC) {
                digits |= bit;
            } else if (kind == Tokenizer.OTHER) {
                others |= bit;
            }
            if (c != prev) {
                changed |= bit;
            }
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E') {
                quotes |= bit;
            } else if (c == '\n') {
                breaks |= bit;
            } else if (c == '?') {
                questions |= bit;
            } else if (c == '!') {
                exclamations |= bit;
            }
            prev = c;
        }
        masks[LETTERS] = letters;
        masks[DIGITS] = digits;
        masks[OTHERS] = others;
        masks[CHANGED] = changed;
        masks[QUOTE_MARKS] = quotes;
        masks[LINE_BREAKS] = breaks;
        masks[QUESTION_MARKS] = questions;
        masks[EXCLAMATION_MARKS] = exclamations;
        masks[NEEDS_NFKC] = nfkc;
    }

    @Override
    public String name() {
        return "plain";
    }
}
