package dev.newsdesk.trending;

/**
 * The visitor-article pairs counted within the dedupe window, in one open-addressing table of longs: the pair's
 * salted 64-bit hash minus its low 20 bits (a 44-bit fingerprint, which also picks the slot) and, in those 20 bits,
 * the second it was counted relative to a base that moves at every rebuild. A check is one probe of one cache line;
 * a false match (a first visit taken for a repeat) needs two pairs with equal fingerprints within the window: about
 * one lookup in 10^7 at a million pairs. Expired pairs are dropped when the table is compacted, at least once a window.
 * Memory is bounded: past {@code maxEntries} stored pairs, all but the newest half of that number are dropped (under
 * such load a few repeat visits may count again, instead of memory growing). Not thread-safe: the engine holds its
 * lock.
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
    private long compactions;

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
        if (2 * ++size > table.length || size > maxEntries) {
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
        int[] perAge = new int[windowSec + 1]; // the last: empty or expired
        int live = histogram(second(nowMs), perAge);
        if (size <= maxEntries && live * 4 > table.length) {
            resize(nowMs, table.length * 2);
        } else {
            compact(nowMs, perAge, live, false);
        }
    }

    /**
     * Counts the pairs within the window at {@code now} (current base) by age in seconds; returns their number. No
     * branch on the entries (half the slots are empty, at random, and a mispredicted branch a slot made this pass
     * five times slower): empty slots and expired pairs land in the last bucket, picked by a mask.
     */
    private int histogram(long now, int[] perAge) {
        long w = windowSec;
        for (long e : table) {
            long age = now - (e & TIME_MASK);
            long in = ((e | -e) & ~age & (age - w)) >> 63; // -1 if e != 0 and 0 <= age < w, else 0
            perAge[(int) (w + ((age - w) & in))]++;
        }
        return table.length - perAge[windowSec];
    }

    /**
     * Drops expired pairs and moves the time base to now, in place. Runs at least once a window, and when the clock
     * went back.
     */
    private void rebuild(long nowMs) {
        if (baseSec == Long.MIN_VALUE) {
            baseSec = Math.floorDiv(nowMs, 1000L) - windowSec - 1;
            rebuiltAt = nowMs;
            return; // empty
        }
        int[] perAge = new int[windowSec + 1]; // the last: empty or expired
        compact(nowMs, perAge, histogram(second(nowMs), perAge), true);
    }

    /**
     * Drops expired pairs in one pass in table order, in place: starting after an empty slot, each entry is taken out
     * and, if kept, put back at the first free slot from its home, which is never further on than where it was (every
     * slot before has had its turn). Reads and writes stay near each other and move through the table in order; a
     * pair costs the same whether kept or dropped. Over the cap, only the newest {@code maxEntries / 2} or so are kept:
     * of the cut-off second, the share that brings the total to that number, chosen by the top bits of the
     * fingerprint times an odd number drawn anew each time (the survivors of the last cut all sit below its
     * threshold), so that a burst within one second is halved too. {@code rebase}: also move the time base.
     */
    private void compact(long nowMs, int[] perAge, int live, boolean rebase) {
        long nowAbs = Math.floorDiv(nowMs, 1000L);
        long newBase = rebase ? nowAbs - windowSec - 1 : baseSec;
        long shift = baseSec - newBase;
        long now = nowAbs - baseSec;
        long oldest = now - windowSec + 1; // current base: the oldest second still within the window
        long keepBelow = 1L << 16; // of the oldest kept second, the pairs whose fingerprint's top 16 bits are below
        if (size > maxEntries && live > maxEntries / 2) {
            int quota = maxEntries / 2;
            int kept = 0;
            int age = 0;
            while (kept + perAge[age] <= quota) {
                kept += perAge[age++];
            }
            oldest = now - age;
            // Which pairs of the cut-off second stay must not depend on their position: keeping the first in table
            // order would pack the survivors of a burst into one part of the table, denser at every halving, until
            // probes there crawl. The top bits of the product mix every bit of the fingerprint, so they are as
            // random as the key and all but independent of the slot (DedupeSetTest checks the runs stay short).
            keepBelow = (long) (quota - kept) * 65_536 / perAge[age];
        }
        long draw = 0x9E3779B97F4A7C15L * ++compactions | 1; // a fresh draw each time: the last one's survivors remain
        long[] t = table;
        int mask = t.length - 1;
        int start = 0;
        while (t[start] != 0) {
            start++; // at most half full: there is an empty slot, and no cluster crosses it
        }
        int dropped = 0;
        for (int k = 1; k < t.length; k++) {
            int i = (start + k) & mask;
            long e = t[i];
            t[i] = 0;
            long sec = e & TIME_MASK;
            long fingerprint = e & ~TIME_MASK;
            // & and |, not && and ||: one branch a slot (empty slots and kept pairs are in random order)
            boolean keep = (e != 0)
                    & (sec <= now)
                    & ((sec > oldest) | ((sec == oldest) & (fingerprint * draw >>> 48 < keepBelow)));
            if (keep) {
                place(t, fingerprint | (sec + shift));
            } else {
                dropped += e == 0 ? 0 : 1;
            }
        }
        size -= dropped;
        if (rebase) {
            baseSec = newBase;
            rebuiltAt = nowMs;
        }
    }

    /** Puts {@code entry} at the first free slot of {@code t} from its home. */
    private static void place(long[] t, long entry) {
        int mask = t.length - 1;
        int i = home(entry & ~TIME_MASK, mask);
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = entry;
    }

    /** Moves the live pairs into a table of {@code slots} (growth: rare, so a plain re-insertion). */
    private void resize(long nowMs, int slots) {
        long nowAbs = Math.floorDiv(nowMs, 1000L);
        long newBase = nowAbs - windowSec - 1;
        long now = nowAbs - baseSec;
        long[] old = table;
        table = new long[slots];
        size = 0;
        for (long e : old) {
            long sec = e & TIME_MASK;
            if (e != 0 && sec <= now && within(sec, now)) {
                place(table, (e & ~TIME_MASK) | (sec + baseSec - newBase));
                size++;
            }
        }
        baseSec = newBase;
        rebuiltAt = nowMs;
    }
}
