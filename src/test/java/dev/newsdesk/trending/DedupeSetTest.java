package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DedupeSetTest {

    private static final long WINDOW = 30 * 60_000L;

    /** Keys are salted 64-bit hashes in use: spread small numbers over all bits the same way. */
    private static long key(long k) {
        return k * 0x9E3779B97F4A7C15L;
    }

    @Test
    void aPairCountsOncePerWindowAndExpiredPairsAreDropped() {
        var set = new DedupeSet(WINDOW, 10_000);
        long t = 1_000_000_000_000L;
        for (long k = 1; k <= 5_000; k++) {
            assertThat(set.firstSeen(key(k), t)).isTrue();
        }
        assertThat(set.firstSeen(key(42), t + WINDOW - 1000)).isFalse();
        assertThat(set.seen(key(43), t + WINDOW - 1000)).isTrue();
        assertThat(set.firstSeen(key(42), t + WINDOW)).isTrue();
        assertThat(set.firstSeen(key(7), t + 2 * WINDOW)).isTrue();
        assertThat(set.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void memoryStaysBoundedWhenABurstExceedsTheCapacityWithinOneSecond() {
        var set = new DedupeSet(WINDOW, 10_000);
        var random = new Random(1);
        long t = 1_000_000_000_000L;
        for (int i = 0; i < 200_000; i++) {
            set.firstSeen(random.nextLong(), t);
        }
        assertThat(set.size()).isBetween(5_000, 10_001);
    }

    @Test
    void burstsWithinOneSecondKeepTheTableEvenlyFilled() {
        // each halving keeps half of one second's pairs: chosen by position, the survivors crowd into one part of
        // the table and its runs grow at every halving until probes crawl (2M keys took 8 s instead of 0.2 s)
        var set = new DedupeSet(WINDOW, 100_000);
        var random = new Random(3);
        for (int i = 0; i < 2_000_000; i++) {
            set.firstSeen(random.nextLong(), 1_000_000_000_000L);
        }
        assertThat(set.size()).isBetween(50_000, 100_001);
        assertThat(set.longestCluster()).isLessThan(200);
    }

    @Test
    void underTheCapacityNothingRecentIsForgotten() {
        var set = new DedupeSet(WINDOW, 100_000);
        long t = 1_000_000_000_000L;
        for (long k = 1; k <= 50_000; k++) {
            set.firstSeen(key(k), t + k * 20); // spread over 1000 s
        }
        for (long k = 1; k <= 50_000; k++) {
            assertThat(set.firstSeen(key(k), t + 1_000_000)).as("key %d", k).isFalse();
        }
    }

    @Test
    void overTheCapacityTheNewestHalfIsKeptAndTheOldestForgotten() {
        var set = new DedupeSet(WINDOW, 10_000);
        long t = 1_000_000_000_000L;
        for (long k = 1; k <= 10_001; k++) {
            set.firstSeen(key(k), t + k * 100); // ten a second: the cut falls inside one second
        }
        long now = t + 10_002 * 100;
        assertThat(set.size()).isBetween(4_900, 5_100);
        for (long k = 1; k <= 4_800; k++) {
            assertThat(set.seen(key(k), now)).as("old key %d", k).isFalse();
        }
        for (long k = 5_200; k <= 10_001; k++) {
            assertThat(set.seen(key(k), now)).as("new key %d", k).isTrue();
        }
    }

    @Test
    void compactionInPlaceForgetsOnlyExpiredPairs() {
        // a small table and a short window: compactions (re-inserting every pair, in long clusters too) and growth
        // happen thousands of times; every answer must match an exact map of last-counted seconds
        long window = 10_000;
        var set = new DedupeSet(window, 1_000_000);
        var counted = new HashMap<Long, Long>();
        var random = new Random(7);
        long t = 1_000_000_000_000L;
        for (int i = 0; i < 300_000; i++) {
            t += random.nextInt(40);
            long k = key(1 + random.nextInt(3_000));
            Long last = counted.get(k);
            boolean expected = last == null || t / 1000 - last >= window / 1000;
            assertThat(set.firstSeen(k, t)).as("event %d", i).isEqualTo(expected);
            if (expected) {
                counted.put(k, t / 1000);
            }
        }
    }
}
