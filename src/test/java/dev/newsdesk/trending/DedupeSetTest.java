package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

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
}
