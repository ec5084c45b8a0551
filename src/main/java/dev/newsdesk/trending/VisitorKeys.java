package dev.newsdesk.trending;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dedupe keys: a keyed hash of (visitor, article, event type) under a salt that changes every rotation period.
 * The visitor id, or the IP with the user agent when there is no id, goes into the hash and nowhere else.
 */
final class VisitorKeys {

    /** The salt of a rotation period: random, never written to disk, the same on every node that shares it. */
    interface SaltSource {
        long[] saltFor(long period);
    }

    /** Salts drawn from {@link SecureRandom} and kept in memory for the current and the previous period. */
    static SaltSource randomSalts() {
        var random = new SecureRandom();
        var salts = new LinkedHashMap<Long, long[]>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
                return size() > 3;
            }
        };
        return period -> {
            synchronized (salts) {
                return salts.computeIfAbsent(period, p -> new long[] {random.nextLong(), random.nextLong()});
            }
        };
    }

    private record Period(long index, long k0, long k1, long prevK0, long prevK1) {}

    private final long rotationMs;
    private final long overlapMs;
    private final SaltSource salts;
    private volatile Period period = new Period(Long.MIN_VALUE, 0, 0, 0, 0);

    VisitorKeys(long rotationMs, long overlapMs, SaltSource salts) {
        this.rotationMs = rotationMs;
        this.overlapMs = overlapMs;
        this.salts = salts;
    }

    static boolean hasIdentity(String visitorId, String ip) {
        return (visitorId != null && !visitorId.isBlank()) || (ip != null && !ip.isBlank());
    }

    /** The key under the current salt, never 0; the caller checks {@link #hasIdentity} first. */
    long key(long nowMs, String visitorId, String ip, String ua, String articleId, EventType type) {
        Period p = periodAt(nowMs);
        return hash(p.k0, p.k1, visitorId, ip, ua, articleId, type);
    }

    /**
     * The key under the previous period's salt while the dedupe window still reaches back into that period, else 0:
     * a reader active across a salt rotation is still counted once.
     */
    long previousKey(long nowMs, String visitorId, String ip, String ua, String articleId, EventType type) {
        if (!afterRotation(nowMs, rotationMs, overlapMs)) {
            return 0;
        }
        Period p = periodAt(nowMs);
        return hash(p.prevK0, p.prevK1, visitorId, ip, ua, articleId, type);
    }

    /** Whether {@code nowMs} is within {@code overlapMs} of the start of its rotation period: keys come in pairs. */
    static boolean afterRotation(long nowMs, long rotationMs, long overlapMs) {
        return Math.floorMod(nowMs, rotationMs) < overlapMs;
    }

    private Period periodAt(long nowMs) {
        long index = Math.floorDiv(nowMs, rotationMs);
        Period p = period;
        if (p.index != index) {
            long[] salt = salts.saltFor(index);
            long[] prev = salts.saltFor(index - 1);
            p = new Period(index, salt[0], salt[1], prev[0], prev[1]);
            period = p;
        }
        return p;
    }

    /**
     * SipHash-2-4 of one word {@code article length | type << 16 | tag << 24 | identity length << 32}, then the
     * article id, then the visitor id (tag {@code v}) or the IP and user agent (tag {@code i}), one byte a character.
     * The lengths make the encoding injective; an id or address with a character above 0x7f is hashed again with
     * two bytes a character under its own tag. The article id, not a per-process slot, goes in: Redis nodes must agree.
     */
    private static long hash(
            long k0, long k1, String visitorId, String ip, String ua, String articleId, EventType type) {
        boolean byId = visitorId != null && !visitorId.isBlank();
        String first = byId ? visitorId : ip;
        String second = byId || ua == null ? "" : ua;
        long head = articleId.length() | type.ordinal() << 16 | (long) first.length() << 32;
        long tag = byId ? 'v' : 'i';
        long k = SipHash.ascii(k0, k1, head | tag << 24, articleId, first, second);
        if (k == 0) {
            k = new SipHash(k0, k1)
                    .addWord(head | (tag | 0x80) << 24)
                    .add(articleId)
                    .add(first)
                    .add(second)
                    .finish();
        }
        return k == 0 ? 1 : k;
    }
}
