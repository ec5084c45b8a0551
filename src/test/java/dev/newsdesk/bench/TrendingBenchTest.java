package dev.newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendingBenchTest {

    private static boolean after(String instant) {
        return TrendingBench.afterSaltRotation(Instant.parse(instant).toEpochMilli());
    }

    @Test
    void runsInTheHalfHourAfterTheDailySaltRotationAreFlagged() {
        assertThat(after("2026-11-22T00:00:00Z")).isTrue();
        assertThat(after("2026-11-22T00:29:59Z")).isTrue();
        assertThat(after("2026-11-22T00:30:00Z")).isFalse();
        assertThat(after("2026-11-21T23:59:59Z")).isFalse();
        assertThat(after("2026-11-21T12:10:00Z")).isFalse();
    }
}
