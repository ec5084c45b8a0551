package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.MutableClock;
import dev.newsdesk.system.EventSettings;
import dev.newsdesk.trending.EventType;
import dev.newsdesk.trending.Trending;
import dev.newsdesk.trending.TrendingSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkQuotaTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Trending trending = Trending.open(TrendingSettings.inMemory(), clock);

    @AfterEach
    void close() {
        trending.close();
    }

    private NetworkQuota quota(int perNetworkArticle, int trackedClients) {
        return new NetworkQuota(new EventSettings(20, 100, 500, trackedClients, perNetworkArticle), trending, clock);
    }

    @Test
    void aPairStopsAtItsQuotaAndStartsOverInTheNextWindow() {
        NetworkQuota q = quota(2, 1000);
        long net = q.network("203.0.113.7");
        long views = NetworkQuota.pair(net, "a", EventType.VIEW);

        assertThat(q.take(views)).isTrue();
        assertThat(q.take(views)).isTrue();
        assertThat(q.take(views)).isFalse();
        assertThat(q.take(NetworkQuota.pair(net, "a", EventType.READ))).isTrue();
        assertThat(q.take(NetworkQuota.pair(net, "b", EventType.VIEW))).isTrue();
        assertThat(q.take(NetworkQuota.pair(q.network("198.51.100.2"), "a", EventType.VIEW)))
                .isTrue();
        clock.advance(trending.settings().dedupeWindow());
        assertThat(q.take(views)).isTrue();
    }

    @Test
    void whatIsGivenBackCanBeTakenAgain() {
        NetworkQuota q = quota(1, 1000);
        long pair = NetworkQuota.pair(q.network("203.0.113.7"), "a", EventType.VIEW);

        assertThat(q.take(pair)).isTrue();
        q.giveBack(pair);
        assertThat(q.take(pair)).isTrue();
        assertThat(q.take(pair)).isFalse();
    }

    @Test
    void aFullTableLeavesNewPairsUnlimitedAndKeepsLimitingTheOnesItHolds() {
        NetworkQuota q = quota(1, 1); // room for 4 pairs
        long net = q.network("203.0.113.7");
        for (int i = 0; i < 4; i++) {
            assertThat(q.take(NetworkQuota.pair(net, "a" + i, EventType.VIEW))).isTrue();
        }
        long held = NetworkQuota.pair(net, "a0", EventType.VIEW);
        long unheld = NetworkQuota.pair(net, "z", EventType.VIEW);

        assertThat(q.take(unheld)).isTrue();
        assertThat(q.take(unheld)).isTrue();
        assertThat(q.take(held)).isFalse();
        assertThat(q.pairs()).isEqualTo(4);
        clock.advance(Duration.ofHours(1));
        assertThat(q.take(unheld)).isTrue();
        assertThat(q.take(unheld)).isFalse();
    }

    @Test
    void manyPairsGrowTheTableWithoutLosingTheirCounts() {
        NetworkQuota q = quota(1, 100_000);
        long net = q.network("2001:db8:1:2::/64");
        for (int i = 0; i < 5000; i++) {
            assertThat(q.take(NetworkQuota.pair(net, "article-" + i, EventType.VIEW)))
                    .isTrue();
        }
        for (int i = 0; i < 5000; i++) {
            assertThat(q.take(NetworkQuota.pair(net, "article-" + i, EventType.VIEW)))
                    .isFalse();
        }
        assertThat(q.pairs()).isEqualTo(5000);
    }
}
