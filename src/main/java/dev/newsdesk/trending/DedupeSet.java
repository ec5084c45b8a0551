package dev.newsdesk.trending;

/**
 * The visitor-article pairs counted within the dedupe window, in one open-addressing table of longs: the pair's
 * salted 64-bit hash minus its low 20 bits (a 44-bit fingerprint, which also picks the slot) and, in those 20 bits,
 * the second it was counted relative to a base that moves at every rebuild. A check is one probe of one cache line;
 * a false match (a first visit taken for a repeat) needs two pairs with equal fingerprints within the window: about
 * one lookup in 10^7 at a million pairs. Expired pairs are dropped when the table is rebuilt, at least once a window.
 * Memory is bounded: past {@code maxEntries} live pairs the oldest half is dropped (under such load a few repeat
 * visits may count again, instead of memory growing). Not thread-safe: the engine holds its lock.
 */
final class DedupeSet {

    private static final int INITIAL_SLOTS = 1024;
    private static final int TIME_BITS = 20;
    private static final long TIME_MASK = (1L << TIME_BITS) - 1;

    private final long windowMs;
    private final int windowSec;
    private final int maxEntries;
    private long[] table = new long[INITIAL_SLOTS]; // fingerprint | (counted second - base); 0 = empty
    private int size;
    private long baseSec = Long.MIN_VALUE;
    private long rebuiltAt;

    DedupeSet(long windowMs, int maxEntries) {
        if (windowMs > 86_400_000L) {
            throw new IllegalArgumentException("dedupe window over 24 h");
        }
        this.windowMs = windowMs;
        this.windowSec = (int) Math.ceilDiv(windowMs, 1000);
        this.maxEntries = maxEntries;
    }

    /** True if {@code key} was not counted within the window (and remembers it now); false for a duplicate. */
    boolean firstSeen(long key, long nowMs) {
        if (baseSec == Long.MIN_VALUE || nowMs - rebuiltAt >= windowMs || nowMs < rebuiltAt) {
            rebuild(nowMs, table.length);
        }
        long now = second(nowMs);
        long fingerprint = fingerprint(key);
        int mask = table.length - 1;
        int i = home(fingerprint, mask);
        for (long e = table[i]; e != 0; e = table[i]) {
            if ((e & ~TIME_MASK) == fingerprint) {
                if (within(e & TIME_MASK, now)) {
                    return false;
                }
                table[i] = fingerprint | now;
                return true;
            }
            i = (i + 1) & mask;
        }
        table[i] = fingerprint | now;
        if (2 * ++size > table.length) {
            grow(nowMs);
        }
        return true;
    }

    /** True if {@code key} was counted within the window; remembers nothing. */
    boolean seen(long key, long nowMs) {
        if (baseSec == Long.MIN_VALUE || nowMs < rebuiltAt) {
            return false;
        }
        long fingerprint = fingerprint(key);
        int mask = table.length - 1;
        for (int i = home(fingerprint, mask); table[i] != 0; i = (i + 1) & mask) {
            if ((table[i] & ~TIME_MASK) == fingerprint) {
                return within(table[i] & TIME_MASK, second(nowMs));
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private static long fingerprint(long key) {
        long f = key & ~TIME_MASK;
        return f == 0 ? 1L << TIME_BITS : f;
    }

    private static int home(long fingerprint, int mask) {
        return (int) (fingerprint >>> TIME_BITS) & mask;
    }

    /** Seconds since the base: at least 1 and, as the base moves at least once a window, below 2^20. */
    private long second(long ms) {
        return Math.floorDiv(ms, 1000L) - baseSec;
    }

    private boolean within(long countedSec, long nowSec) {
        return nowSec - countedSec < windowSec;
    }

    private void grow(long nowMs) {
        int live = countLive(second(nowMs));
        rebuild(nowMs, live <= maxEntries && live * 4 > table.length ? table.length * 2 : table.length);
    }

    private int countLive(long now) {
        int n = 0;
        for (long e : table) {
            if (e != 0 && within(e & TIME_MASK, now)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Re-inserts the pairs still within the window against a new base; over the cap, only the newest (at most
     * {@code maxEntries / 2}, those of the cut-off second last, so that a burst within one second is halved too).
     */
    private void rebuild(long nowMs, int slots) {
        long nowAbs = Math.floorDiv(nowMs, 1000L);
        long newBase = nowAbs - windowSec - 1;
        long oldBase = baseSec == Long.MIN_VALUE ? newBase : baseSec;
        long now = nowAbs - oldBase;
        long oldest = now - windowSec + 1; // in old-base seconds: the oldest still within the window
        int quota = Integer.MAX_VALUE;
        if (countLive(now) > maxEntries) {
            oldest = medianSecond(now);
            quota = maxEntries / 2;
        }
        long[] old = table;
        table = new long[slots];
        size = 0;
        int mask = slots - 1;
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < old.length && size < quota; j++) {
                long e = old[j];
                long sec = e & TIME_MASK;
                boolean keep = pass == 0 ? sec > oldest : sec == oldest;
                if (e != 0 && keep && sec <= now && within(sec, now)) {
                    long fingerprint = e & ~TIME_MASK;
                    int i = home(fingerprint, mask);
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = fingerprint | (sec + oldBase - newBase);
                    size++;
                }
            }
        }
        baseSec = newBase;
        rebuiltAt = nowMs;
    }

    /** The counted second (old base) such that about half of the live pairs are at or after it. */
    private long medianSecond(long now) {
        int[] perAge = new int[windowSec];
        int live = 0;
        for (long e : table) {
            if (e != 0 && within(e & TIME_MASK, now)) {
                perAge[(int) Math.max(0, now - (e & TIME_MASK))]++;
                live++;
            }
        }
        int kept = 0;
        for (int age = 0; age < perAge.length; age++) {
            kept += perAge[age];
            if (kept >= live / 2) {
                return now - age;
            }
        }
        return now - windowSec + 1;
    }
}
