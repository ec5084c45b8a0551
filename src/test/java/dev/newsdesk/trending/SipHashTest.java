package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipHashTest {

    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    private static long bytes(int n) {
        var h = new SipHash(K0, K1);
        for (int i = 0; i < n; i++) {
            h.addByte(i);
        }
        return h.finish();
    }

    @Test
    void matchesTheReferenceVectorsOfThePaper() {
        // key 00..0f, message 00..(n-1): vectors from the SipHash reference implementation
        assertThat(bytes(0)).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(bytes(1)).isEqualTo(0x74f839c593dc67fdL);
        assertThat(bytes(15)).isEqualTo(0xa129ca6149be45e5L);
        assertThat(bytes(8)).isEqualTo(0x93f5f5799a932462L);
    }

    @Test
    void charactersHashAsTheirLittleEndianBytesWhateverTheAlignment() {
        String s = "visitor-\u00e9\u4e2d-0123456789abcdef";
        for (int prefix = 0; prefix < 8; prefix++) {
            var words = new SipHash(K0, K1);
            var bytes = new SipHash(K0, K1);
            for (int i = 0; i < prefix; i++) {
                words.addByte(i);
                bytes.addByte(i);
            }
            words.add(s);
            for (char c : s.toCharArray()) {
                bytes.addByte(c & 0xff).addByte(c >>> 8);
            }
            assertThat(words.finish()).isEqualTo(bytes.finish());
        }
    }

    @Test
    void theOnePassAsciiFormEqualsFeedingTheWordThenOneBytePerCharacter() {
        long head = 0x0123456789abcdefL;
        String[] parts = {"", "a", "a1234", "0123456789abcdef0123", "203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64)"};
        for (String a : parts) {
            for (String b : parts) {
                for (String c : parts) {
                    var bytes = new SipHash(K0, K1).addWord(head);
                    for (char ch : (a + b + c).toCharArray()) {
                        bytes.addByte(ch);
                    }
                    assertThat(SipHash.ascii(K0, K1, head, a, b, c)).isEqualTo(bytes.finish());
                }
            }
        }
        assertThat(SipHash.ascii(K0, K1, head, "a", "caf\u00e9", "")).isZero();
    }
}
