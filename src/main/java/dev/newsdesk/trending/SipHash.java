package dev.newsdesk.trending;

/**
 * SipHash-2-4, a keyed pseudo-random function for short inputs (Aumasson and Bernstein, 2012). Visitor ids and IPs
 * are hashed with it under a secret random key that rotates, so the 64-bit result cannot be linked back to the
 * visitor; it is some twenty times cheaper than HMAC-SHA256 on a 30-character id, which matters at millions of
 * events a second. Characters are fed as two little-endian bytes.
 */
final class SipHash {

    private long v0;
    private long v1;
    private long v2;
    private long v3;
    private long m;
    private int len;

    SipHash(long k0, long k1) {
        v0 = k0 ^ 0x736f6d6570736575L;
        v1 = k1 ^ 0x646f72616e646f6dL;
        v2 = k0 ^ 0x6c7967656e657261L;
        v3 = k1 ^ 0x7465646279746573L;
    }

    SipHash addByte(int b) {
        m |= (b & 0xFFL) << ((len & 7) << 3);
        len++;
        if ((len & 7) == 0) {
            block();
        }
        return this;
    }

    SipHash addChar(char c) {
        if ((len & 1) == 0) {
            m |= ((long) c) << ((len & 7) << 3);
            len += 2;
            if ((len & 7) == 0) {
                block();
            }
            return this;
        }
        return addByte(c).addByte(c >>> 8);
    }

    SipHash add(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && (len & 7) != 0) {
            addChar(s.charAt(i++));
        }
        // word-aligned: four characters make one 64-bit block
        for (; i + 4 <= n; i += 4) {
            m = s.charAt(i)
                    | (long) s.charAt(i + 1) << 16
                    | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48;
            len += 8;
            block();
        }
        while (i < n) {
            addChar(s.charAt(i++));
        }
        return this;
    }

    long finish() {
        long b = ((long) len << 56) | m;
        v3 ^= b;
        round();
        round();
        v0 ^= b;
        v2 ^= 0xff;
        round();
        round();
        round();
        round();
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private void block() {
        v3 ^= m;
        round();
        round();
        v0 ^= m;
        m = 0;
    }

    private void round() {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13);
        v1 ^= v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17);
        v1 ^= v2;
        v2 = Long.rotateLeft(v2, 32);
    }
}
