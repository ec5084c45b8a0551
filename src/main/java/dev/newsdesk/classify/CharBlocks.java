package dev.newsdesk.classify;

/**
 * Reads text 64 characters at a time for {@link CompiledScorer}: which characters are letters, digits, other
 * symbols (OpenNLP's classes, as {@link Tokenizer} has them), which differ from the character before, which are
 * quotation marks, line breaks, question and exclamation marks, and whether any would change under NFKC; and writes
 * a one-byte lower-case copy (ASCII lower-cased, anything above ASCII as {@code 0x80}). Two implementations give the
 * same bits: one with the JDK's Vector API, used when the {@code jdk.incubator.vector} module is present and the
 * processor has 256-bit vectors or wider, and a plain one otherwise ({@code CharBlocksTest} holds them together).
 */
interface CharBlocks {

    /** Indices into the result array of {@link #read}. */
    int LETTERS = 0;

    int DIGITS = 1;
    int OTHERS = 2;
    int CHANGED = 3;
    int QUOTE_MARKS = 4;
    int LINE_BREAKS = 5;
    int QUESTION_MARKS = 6;
    int EXCLAMATION_MARKS = 7;
    int NEEDS_NFKC = 8;
    int MASKS = 9;

    /**
     * Reads {@code text[offset, offset + 64)} (and {@code text[offset - 1]}, to compare with) into bit masks, bit
     * {@code i} for character {@code offset + i}, and writes the lower-case copy to {@code lower[lowerOffset, lowerOffset
     * + 64)}.
     */
    void read(char[] text, int offset, byte[] lower, int lowerOffset, long[] masks);

    /** The name shown on the model page and in logs. */
    String name();

    /** The Vector API implementation when this JVM can run it well, else the plain one. */
    static CharBlocks best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                CharBlocks vector = (CharBlocks) Class.forName("dev.newsdesk.classify.VectorCharBlocks")
                        .getDeclaredConstructor()
                        .newInstance();
                if (vector.worthwhile()) {
                    return vector;
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // fall through to the plain reader
            }
        }
        return new ScalarCharBlocks();
    }

    /** Whether this reader is worth using on this processor (a vector reader needs 256-bit vectors or wider). */
    default boolean worthwhile() {
        return true;
    }
}
