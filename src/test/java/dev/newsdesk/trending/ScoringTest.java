package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private Trending trending;

    @AfterEach
    void close() {
        if (trending != null) {
            trending.close();
        }
    }

    private Trending open(TrendingSettings settings) {
        trending = Trending.open(settings, clock);
        return trending;
    }

    private void views(String id, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(trending.record(EngagementEvent.view(id))).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void orderIsUnchangedAsTimePassesWithoutEvents() {
        open(TrendingSettings.inMemory());
        Instant start = clock.instant();
        for (int i = 0; i < 8; i++) {
            trending.register(article("a" + i, start.minus(Duration.ofHours(i * 5L))));
        }
        IntStream.range(0, 8).forEach(i -> views("a" + i, (i * 7) % 5 + 1));
        clock.advance(Duration.ofMinutes(30));
        views("a3", 2);

        List<String> before = trending.top(Scope.ALL, "now", 8).ids();
        double topBefore = trending.top(Scope.ALL, "now", 8).items().getFirst().score();
        for (String window : List.of("now", "today", "week")) {
            List<String> atStart = trending.top(Scope.ALL, window, 8).ids();
            clock.advance(Duration.ofHours(9));
            assertThat(trending.top(Scope.ALL, window, 8).ids()).isEqualTo(atStart);
            clock.set(start.plus(Duration.ofMinutes(30)));
        }
        clock.advance(Duration.ofHours(30));
        var later = trending.top(Scope.ALL, "now", 8);
        assertThat(later.ids()).isEqualTo(before);
        assertThat(later.items().getFirst().score()).isLessThan(topBefore);
    }

    @Test
    void scoreHalvesAfterOneHalfLife() {
        open(TrendingSettings.inMemory());
        trending.register(article("a", clock.instant()));
        views("a", 10);
        for (String window : List.of("now", "today", "week")) {
            var before = trending.explain("a", window).orElseThrow();
            clock.advance(before.halfLife());
            var after = trending.explain("a", window).orElseThrow();
            assertThat(after.score()).isCloseTo(before.score() / 2, within(1e-9 * before.score()));
            assertThat(after.engagement()).isCloseTo(before.engagement() / 2, within(1e-9 * before.score()));
            assertThat(after.recency()).isCloseTo(before.recency() / 2, within(1e-9 * before.score()));
            clock.set(clock.instant().minus(before.halfLife()));
        }
    }

    @Test
    void windowsDecayAtTheirOwnHalfLife() {
        open(TrendingSettings.inMemory().withRecencyPrior(0));
        trending.register(article("a", clock.instant()));
        views("a", 1);
        clock.advance(Duration.ofHours(12));
        assertThat(trending.explain("a", "now").orElseThrow().score()).isCloseTo(Math.pow(0.5, 6), within(1e-12));
        assertThat(trending.explain("a", "today").orElseThrow().score()).isCloseTo(0.5, within(1e-12));
        assertThat(trending.explain("a", "week").orElseThrow().score())
                .isCloseTo(Math.pow(0.5, 12.0 / 84), within(1e-12));
    }

    @Test
    void shortWindowFavoursRecentEngagementLongWindowTheTotal() {
        open(TrendingSettings.inMemory().withRecencyPrior(0));
        trending.register(article("steady", clock.instant().minus(Duration.ofDays(1))));
        trending.register(article("burst", clock.instant().minus(Duration.ofDays(1))));
        for (int h = 0; h < 24; h++) {
            views("steady", 10);
            clock.advance(Duration.ofHours(1));
        }
        views("burst", 40);
        assertThat(trending.top(Scope.ALL, "now", 2).ids()).containsExactly("burst", "steady");
        assertThat(trending.top(Scope.ALL, "week", 2).ids()).containsExactly("steady", "burst");
    }

    @Test
    void freshArticleEntersOnItsRecencyPriorAndOldOneNeedsCurrentEngagement() {
        open(TrendingSettings.inMemory());
        trending.register(article("old", clock.instant().minus(Duration.ofHours(30))));
        trending.register(article("fresh", clock.instant()));
        trending.register(article("oldButRead", clock.instant().minus(Duration.ofHours(30))));
        views("oldButRead", 8);
        var now = trending.top(Scope.ALL, "now", 3);
        assertThat(now.ids()).containsExactly("oldButRead", "fresh", "old");
        var fresh = now.items().get(1).explanation();
        assertThat(fresh.recency()).isCloseTo(5.0, within(1e-9));
        assertThat(fresh.engagement()).isZero();
        assertThat(now.items().get(2).explanation().recency()).isLessThan(1e-3);
    }

    @Test
    void explanationAddsUpAndCountsByType() {
        open(TrendingSettings.inMemory());
        trending.register(article("a", clock.instant()));
        views("a", 3);
        trending.record(EngagementEvent.read("a", 120));
        trending.record(EngagementEvent.read("a", 7200));
        trending.record(EngagementEvent.of(EventType.COMMENT, "a"));
        trending.record(EngagementEvent.of(EventType.SHARE, "a"));
        trending.record(EngagementEvent.of(EventType.LIKE, "a"));
        var e = trending.explain("a", "now").orElseThrow();
        // 3 views + 2 min read + 10 min (capped) read + comment 5 + share 8 + like 3
        assertThat(e.engagement()).isCloseTo(3 + 2 + 10 + 5 + 8 + 3, within(1e-9));
        assertThat(e.recency()).isCloseTo(5, within(1e-9));
        assertThat(e.score()).isEqualTo(e.engagement() + e.recency());
        assertThat(e.counts())
                .containsEntry(EventType.VIEW, 3L)
                .containsEntry(EventType.READ, 2L)
                .containsEntry(EventType.COMMENT, 1L)
                .containsEntry(EventType.SHARE, 1L)
                .containsEntry(EventType.LIKE, 1L);
        assertThat(e.halfLife()).isEqualTo(Duration.ofHours(2));
        assertThat(trending.explain("nope", "now")).isEmpty();
    }

    @Test
    void lateEventsCountForLessThanFreshOnes() {
        open(TrendingSettings.inMemory().withRecencyPrior(0));
        trending.register(article("a", clock.instant().minus(Duration.ofHours(3))));
        trending.record(EngagementEvent.view("a").at(clock.instant().minus(Duration.ofHours(2))));
        assertThat(trending.explain("a", "now").orElseThrow().engagement()).isCloseTo(0.5, within(1e-12));
    }
}
