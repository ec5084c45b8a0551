package dev.newsdesk.trending;

/**
 * The visitor-article pairs counted within the dedupe window, in one open-addressing table of longs: the pair's
 * salted 64-bit hash minus its low 20 bits (a 44-bit fingerprint, which also picks the slot) and, in those 20 bits,
 * the second it was counted relative to a base that moves at every rebuild. A check is one probe of one cache line;
 * a false match (a first visit taken for a repeat) needs two pairs with equal fingerprints within the window: about
 * one lookup in 10^7 at a million pairs. Expired pairs are dropped when the table is compacted, at least once a window.
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
            rebuild(nowMs);
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

    /** Reads the table entry {@code key} would probe first, so a batch's lookups wait for memory together. */
    long touch(long key) {
        return table[home(fingerprint(key), table.length - 1)];
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

    /** For tests: the longest run of occupied slots, which bounds the work of a probe. */
    int longestCluster() {
        int longest = 0;
        int run = 0;
        for (int pass = 0; pass < 2; pass++) { // twice round, for a run that wraps
            for (long e : table) {
                run = e == 0 ? 0 : run + 1;
                longest = Math.max(longest, Math.min(run, table.length));
            }
        }
        return longest;
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
        int[] perAge = new int[windowSec];
        int live = histogram(second(nowMs), perAge);
        if (live <= maxEntries && live * 4 > table.length) {
            resize(nowMs, table.length * 2);
        } else {
            compact(nowMs, perAge, live, false);
        }
    }

    /** Counts the pairs within the window at {@code now} (current base) by age in seconds; returns their number. */
    private int histogram(long now, int[] perAge) {
        int live = 0;
        for (long e : table) {
            long age = now - (e & TIME_MASK);
            if (e != 0 && age >= 0 && age < windowSec) {
                perAge[(int) age]++;
                live++;
            }
        }
        return live;
    }

    /**
     * Drops expired pairs and moves the time base to now, in place: one pass in table order, deleting by backward
     * shift (no tombstones), so the table is read and written sequentially. Over the cap, only the newest
     * {@code maxEntries / 2} are kept (of the cut-off second, those lowest by the top byte of their fingerprint, so
     * that a burst within one second is halved too). Runs at least once a window, and when the clock went back.
     */
    private void rebuild(long nowMs) {
        if (baseSec == Long.MIN_VALUE) {
            baseSec = Math.floorDiv(nowMs, 1000L) - windowSec - 1;
            rebuiltAt = nowMs;
            return; // empty
        }
        int[] perAge = new int[windowSec];
        compact(nowMs, perAge, histogram(second(nowMs), perAge), true);
    }

    /** See {@link #rebuild}; {@code rebase}: also move the time base (else kept pairs are not even rewritten). */
    private void compact(long nowMs, int[] perAge, int live, boolean rebase) {
        long nowAbs = Math.floorDiv(nowMs, 1000L);
        long newBase = rebase ? nowAbs - windowSec - 1 : baseSec;
        long shift = baseSec - newBase;
        long now = nowAbs - baseSec;
        long oldest = now - windowSec + 1; // current base: the oldest second still within the window
        int keepByte = 256; // at the oldest kept second: keep the pairs whose top fingerprint byte is below this,
        int atKeepByte = 0; // and this many of those whose byte equals it (the first in table order)
        if (live > maxEntries) {
            int quota = maxEntries / 2;
            int kept = 0;
            int age = 0;
            while (kept + perAge[age] <= quota) {
                kept += perAge[age++];
            }
            oldest = now - age;
            // Which pairs of the cut-off second stay must not depend on their position: keeping the first in table
            // order would pack the survivors of a burst into one part of the table, denser at every halving, until
            // probes there crawl. The top byte of the fingerprint is as random as the key and unrelated to the slot.
            int[] perByte = new int[256];
            for (long e : table) {
                if (e != 0 && (e & TIME_MASK) == oldest) {
                    perByte[(int) (e >>> 56)]++;
                }
            }
            int left = quota - kept;
            keepByte = 0;
            while (left >= perByte[keepByte]) {
                left -= perByte[keepByte++];
            }
            atKeepByte = left;
        }
        int mask = table.length - 1;
        int start = 0;
        while (table[start] != 0) {
            start++; // at most half full: there is an empty slot, and no cluster crosses it
        }
        for (int k = 1; k <= table.length; k++) {
            int i = (start + k) & mask;
            for (long e = table[i]; e != 0; e = table[i]) {
                long sec = e & TIME_MASK;
                int top = (int) (e >>> 56);
                if (sec <= now
                        && (sec > oldest
                                || (sec == oldest && (top < keepByte || (top == keepByte && atKeepByte-- > 0))))) {
                    if (shift != 0) {
                        table[i] = (e & ~TIME_MASK) | (sec + shift);
                    }
                    break;
                }
                delete(i, mask); // an entry from further on may move into i: look at it next
                size--;
            }
        }
        if (rebase) {
            baseSec = newBase;
            rebuiltAt = nowMs;
        }
    }

    /** Empties slot {@code hole}, moving back the later entries of its cluster that may sit there. */
    private void delete(int hole, int mask) {
        for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            long e = table[j];
            if (((j - home(e & ~TIME_MASK, mask)) & mask) >= ((j - hole) & mask)) {
                table[hole] = e;
                hole = j;
            }
        }
        table[hole] = 0;
    }

    /** Moves the live pairs into a table of {@code slots} (growth: rare, so a plain re-insertion). */
    private void resize(long nowMs, int slots) {
        long nowAbs = Math.floorDiv(nowMs, 1000L);
        long newBase = nowAbs - windowSec - 1;
        long now = nowAbs - baseSec;
        long[] old = table;
        table = new long[slots];
        size = 0;
        int mask = slots - 1;
        for (long e : old) {
            long sec = e & TIME_MASK;
            if (e != 0 && sec <= now && within(sec, now)) {
                long fingerprint = e & ~TIME_MASK;
                int i = home(fingerprint, mask);
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = fingerprint | (sec + baseSec - newBase);
                size++;
            }
        }
        baseSec = newBase;
        rebuiltAt = nowMs;
    }
}
