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

    /** Counts as many events of the pair as the quota lets through, one request each; returns how many. */
    private static int countWhileAllowed(NetworkQuota q, long pair, int tries) {
        int counted = 0;
        for (int i = 0; i < tries && allows(q, pair); i++) {
            q.count(new long[] {pair}, new boolean[] {true});
            counted++;
        }
        return counted;
    }

    private static boolean allows(NetworkQuota q, long pair) {
        return q.allow(new long[] {pair})[0];
    }

    @Test
    void aPairStopsAtItsQuotaAndStartsOverInTheNextWindow() {
        NetworkQuota q = quota(2, 1000);
        long net = q.network("203.0.113.7");
        long views = NetworkQuota.pair(net, "a", EventType.VIEW);

        assertThat(countWhileAllowed(q, views, 5)).isEqualTo(2);
        assertThat(countWhileAllowed(q, NetworkQuota.pair(net, "a", EventType.READ), 5))
                .isEqualTo(2);
        assertThat(countWhileAllowed(q, NetworkQuota.pair(net, "b", EventType.VIEW), 5))
                .isEqualTo(2);
        assertThat(countWhileAllowed(q, NetworkQuota.pair(q.network("198.51.100.2"), "a", EventType.VIEW), 5))
                .isEqualTo(2);
        assertThat(allows(q, views)).isFalse();
        clock.advance(trending.settings().dedupeWindow());
        assertThat(countWhileAllowed(q, views, 5)).isEqualTo(2);
    }

    @Test
    void onlyCountedEventsUseTheQuotaAndARequestsOwnEventsAreReckonedIn() {
        NetworkQuota q = quota(3, 1000);
        long pair = NetworkQuota.pair(q.network("203.0.113.7"), "a", EventType.VIEW);

        for (int i = 0; i < 10; i++) {
            assertThat(allows(q, pair)).isTrue(); // let through, never counted: a repeat, a bot
        }
        q.count(new long[] {pair}, new boolean[] {true});
        long other = NetworkQuota.pair(q.network("203.0.113.7"), "b", EventType.VIEW);
        assertThat(q.allow(new long[] {pair, other, pair, pair})).containsExactly(true, true, true, false);
        assertThat(q.pairs()).isEqualTo(1);
    }

    @Test
    void aFullTableLeavesNewPairsUnlimitedAndKeepsLimitingTheOnesItHolds() {
        NetworkQuota q = quota(1, 1); // room for 4 pairs
        long net = q.network("203.0.113.7");
        for (int i = 0; i < 4; i++) {
            assertThat(countWhileAllowed(q, NetworkQuota.pair(net, "a" + i, EventType.VIEW), 3))
                    .isEqualTo(1);
        }
        long unheld = NetworkQuota.pair(net, "z", EventType.VIEW);

        assertThat(countWhileAllowed(q, unheld, 3)).isEqualTo(3);
        assertThat(allows(q, NetworkQuota.pair(net, "a0", EventType.VIEW))).isFalse();
        assertThat(q.pairs()).isEqualTo(4);
        clock.advance(Duration.ofHours(1));
        assertThat(countWhileAllowed(q, unheld, 3)).isEqualTo(1);
    }

    @Test
    void manyPairsGrowTheTableWithoutLosingTheirCounts() {
        NetworkQuota q = quota(1, 100_000);
        long net = q.network("2001:db8:1:2::/64");
        for (int i = 0; i < 5000; i++) {
            assertThat(countWhileAllowed(q, NetworkQuota.pair(net, "article-" + i, EventType.VIEW), 2))
                    .isEqualTo(1);
        }
        for (int i = 0; i < 5000; i++) {
            assertThat(allows(q, NetworkQuota.pair(net, "article-" + i, EventType.VIEW)))
                    .isFalse();
        }
        assertThat(q.pairs()).isEqualTo(5000);
    }
}
