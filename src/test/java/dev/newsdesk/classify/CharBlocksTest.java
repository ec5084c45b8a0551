package dev.newsdesk.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CharBlocksTest {

    /** Characters of every kind the readers tell apart, weighted towards the ones news text has. */
    private static final String ALPHABET =
            "aZ09 \t\n\r\u000b\u001c\u001f.,?!\"'-:;()\u2018\u2019\u201c\u201d\u201e\u2013\u2014"
                    + "\u00a0\u00e9\u00c9\u00bd\u00b2\u0301\u2126\u3000\u05d0\u0663\uff21\ufb01\ud83d\ude00\u00ad\u2028\u0085";

    @Test
    void theTestJvmHasTheVectorModuleSoBothReadersAreExercised() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(new VectorCharBlocks().name()).startsWith("Vector API");
    }

    @Test
    void vectorAndPlainReadersGiveTheSameBitsAndLowerCase() {
        CharBlocks plain = new ScalarCharBlocks();
        CharBlocks vector = new VectorCharBlocks();
        SplittableRandom random = new SplittableRandom(7);
        char[] text = new char[1 + 64];
        long[] a = new long[CharBlocks.MASKS];
        long[] b = new long[CharBlocks.MASKS];
        byte[] lowerA = new byte[64];
        byte[] lowerB = new byte[64];
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < text.length; i++) {
                text[i] = round % 5 == 0
                        ? (char) random.nextInt(0x10000)
                        : random.nextInt(4) == 0
                                ? (char) (32 + random.nextInt(95))
                                : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            plain.read(text, 1, lowerA, 0, a);
            vector.read(text, 1, lowerB, 0, b);
            assertThat(b).as("masks of %s", Arrays.toString(text)).containsExactly(a);
            assertThat(lowerB).as("lower case of %s", Arrays.toString(text)).containsExactly(lowerA);
        }
    }

    @Test
    void plainReaderClassifiesAsTheTokeniserDoes() {
        char[] text = (" " + "Dr. K\u00e9ni\u2019s 2,500 \u201cwords\u201d?! \u00bd\n" + " ".repeat(64)).toCharArray();
        long[] m = new long[CharBlocks.MASKS];
        byte[] lower = new byte[64];
        new ScalarCharBlocks().read(text, 1, lower, 0, m);
        for (int i = 0; i < 64; i++) {
            char c = text[1 + i];
            int kind = Tokenizer.kind(c);
            assertThat(bit(m[CharBlocks.LETTERS], i)).as("letter %s", c).isEqualTo(kind == Tokenizer.ALPHABETIC);
            assertThat(bit(m[CharBlocks.DIGITS], i)).as("digit %s", c).isEqualTo(kind == Tokenizer.NUMERIC);
            assertThat(bit(m[CharBlocks.OTHERS], i)).as("other %s", c).isEqualTo(kind == Tokenizer.OTHER);
            assertThat(bit(m[CharBlocks.NEEDS_NFKC], i)).as("nfkc %s", c).isEqualTo(c == '\u00bd');
            assertThat(lower[i]).isEqualTo(c < 128 ? (byte) Character.toLowerCase(c) : (byte) 0x80);
        }
        assertThat(Long.bitCount(m[CharBlocks.QUOTE_MARKS])).isEqualTo(2);
        assertThat(Long.bitCount(m[CharBlocks.QUESTION_MARKS])).isEqualTo(1);
        assertThat(Long.bitCount(m[CharBlocks.EXCLAMATION_MARKS])).isEqualTo(1);
        assertThat(Long.bitCount(m[CharBlocks.LINE_BREAKS])).isEqualTo(1);
    }

    private static boolean bit(long mask, int i) {
        return ((mask >>> i) & 1) != 0;
    }
}
