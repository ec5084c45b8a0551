package dev.newsdesk.classify;

/**
 * {@link CharBlocks} without the Vector API: each ASCII character's tests come from one table read as a byte of
 * flags, eight characters' flags are packed in a {@code long}, and each mask takes its bit from all eight bytes with
 * one multiplication. Only characters above ASCII branch, to look their class up.
 */
final class ScalarCharBlocks implements CharBlocks {

    private static final int IS_LETTER = 1;
    private static final int IS_DIGIT = 1 << 1;
    private static final int IS_OTHER = 1 << 2;
    private static final int IS_CHANGED = 1 << 3;
    private static final int IS_QUOTE = 1 << 4;
    private static final int IS_BREAK = 1 << 5;
    private static final int IS_QUESTION = 1 << 6;
    private static final int IS_EXCLAMATION = 1 << 7;
    /** The flags of each ASCII character, and its lower-case byte. */
    private static final byte[] FLAGS = new byte[128];

    private static final byte[] LOWER = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            FLAGS[c] = (byte) (classFlag(c)
                    | (c == '"' ? IS_QUOTE : 0)
                    | (c == '\n' ? IS_BREAK : 0)
                    | (c == '?' ? IS_QUESTION : 0)
                    | (c == '!' ? IS_EXCLAMATION : 0));
            LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
    }

    private static int classFlag(char c) {
        return switch (Tokenizer.kind(c)) {
            case Tokenizer.ALPHABETIC -> IS_LETTER;
            case Tokenizer.NUMERIC -> IS_DIGIT;
            case Tokenizer.OTHER -> IS_OTHER;
            default -> 0;
        };
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
        for (int group = 0; group < 64; group += 8) {
            long packed = 0;
            for (int j = 0; j < 8; j++) {
                int i = offset + group + j;
                char c = text[i];
                int flags;
                if (c < 128) {
                    flags = FLAGS[c] & 0xFF;
                    lower[lowerOffset + group + j] = LOWER[c];
                } else {
                    flags = classFlag(c) | (c >= '\u201C' && c <= '\u201E' ? IS_QUOTE : 0);
                    lower[lowerOffset + group + j] = (byte) 0x80;
                    if (TextNormalizer.needsNfkc(c)) {
                        nfkc |= 1L << (group + j);
                    }
                }
                flags |= c != text[i - 1] ? IS_CHANGED : 0;
                packed |= (long) flags << (8 * j);
            }
            letters |= spread(packed, 0) << group;
            digits |= spread(packed, 1) << group;
            others |= spread(packed, 2) << group;
            changed |= spread(packed, 3) << group;
            quotes |= spread(packed, 4) << group;
            breaks |= spread(packed, 5) << group;
            questions |= spread(packed, 6) << group;
            exclamations |= spread(packed, 7) << group;
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

    /** Bit {@code bit} of each of the eight bytes of {@code packed}, as the low eight bits (byte 0 to bit 0). */
    private static long spread(long packed, int bit) {
        return (((packed >>> bit) & 0x0101010101010101L) * 0x0102040810204080L) >>> 56;
    }

    @Override
    public String name() {
        return "plain";
    }
}
