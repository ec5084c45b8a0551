package dev.newsdesk.classify;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.S2B;
import static jdk.incubator.vector.VectorOperators.UGE;
import static jdk.incubator.vector.VectorOperators.ULE;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CharBlocks} with the JDK's Vector API ({@code jdk.incubator.vector}): 16 or 32 characters a step, each test
 * a lane-wise comparison. Characters above ASCII are rare in news text (curly quotes, accents, dashes); their class
 * is looked up one by one. Loaded only when the module is present ({@link CharBlocks#best}).
 */
final class VectorCharBlocks implements CharBlocks {

    private static final VectorSpecies<Short> CHARS = ShortVector.SPECIES_PREFERRED;
    /** Half the width: one byte a character, as many lanes. */
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(CHARS.vectorBitSize() / 2));

    private static final int LANES = CHARS.length();
    private static final long LANE_BITS = LANES == 64 ? -1L : (1L << LANES) - 1;

    @Override
    public boolean worthwhile() {
        return LANES >= 16 && 64 % LANES == 0;
    }

    @Override
    public void read(char[] text, int offset, byte[] lower, int lowerOffset, long[] masks) {
        java.util.Arrays.fill(masks, 0, MASKS, 0L);
        for (int part = 0; part < 64; part += LANES) {
            int at = offset + part;
            ShortVector v = ShortVector.fromCharArray(CHARS, text, at);
            ShortVector before = ShortVector.fromCharArray(CHARS, text, at - 1);
            ShortVector folded = v.or((short) 0x20);
            VectorMask<Short> letter = folded.compare(UGE, (short) 'a').and(folded.compare(ULE, (short) 'z'));
            VectorMask<Short> high = v.compare(UGE, (short) 128);
            // dashes and typographic quotes (U+2010 to U+201F) are the commonest characters above ASCII in news
            // text: symbols, read here rather than one by one below
            long punctuation = v.compare(UGE, (short) 0x2010)
                    .and(v.compare(ULE, (short) 0x201F))
                    .toLong();
            long l = letter.toLong();
            long d =
                    v.compare(UGE, (short) '0').and(v.compare(ULE, (short) '9')).toLong();
            long h = high.toLong();
            long space = v.compare(EQ, (short) ' ')
                    .or(v.compare(UGE, (short) 9).and(v.compare(ULE, (short) 13)))
                    .or(v.compare(UGE, (short) 0x1C).and(v.compare(ULE, (short) 0x1F)))
                    .toLong();
            long o = (~(l | d | space | h) & LANE_BITS) | punctuation;
            ((ByteVector) v.blend(folded, letter).blend((short) 0x80, high).convertShape(S2B, BYTES, 0))
                    .intoArray(lower, lowerOffset + part);
            long n = 0;
            for (long m = h & ~punctuation; m != 0; m &= m - 1) {
                int b = Long.numberOfTrailingZeros(m);
                char c = text[at + b];
                int kind = Tokenizer.kind(c);
                if (kind == Tokenizer.ALPHABETIC) {
                    l |= 1L << b;
                } else if (kind == Tokenizer.NUMERIC) {
                    d |= 1L << b;
                } else if (kind == Tokenizer.OTHER) {
                    o |= 1L << b;
                }
                if (TextNormalizer.needsNfkc(c)) {
                    n |= 1L << b;
                }
            }
            masks[LETTERS] |= l << part;
            masks[DIGITS] |= d << part;
            masks[OTHERS] |= o << part;
            masks[NEEDS_NFKC] |= n << part;
            masks[CHANGED] |= v.compare(NE, before).toLong() << part;
            masks[QUOTE_MARKS] |= v.compare(EQ, (short) '"')
                            .or(v.compare(EQ, (short) '\u201C'))
                            .or(v.compare(EQ, (short) '\u201D'))
                            .or(v.compare(EQ, (short) '\u201E'))
                            .toLong()
                    << part;
            masks[LINE_BREAKS] |= v.compare(EQ, (short) '\n').toLong() << part;
            masks[QUESTION_MARKS] |= v.compare(EQ, (short) '?').toLong() << part;
            masks[EXCLAMATION_MARKS] |= v.compare(EQ, (short) '!').toLong() << part;
        }
    }

    @Override
    public String name() {
        return "Vector API, " + CHARS.vectorBitSize() + "-bit";
    }
}
