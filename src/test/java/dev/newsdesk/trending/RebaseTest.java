package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RebaseTest {

    private static final List<String> WINDOWS = List.of("now", "today", "week");

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");

    @Test
    void landmarkRebaseKeepsOrderAndScores() {
        var settings = TrendingSettings.inMemory().withArticleLimits(Duration.ofDays(400), 100);
        var rebasing = new EmbeddedEngine(settings, clock, 0.05);
        var never = new EmbeddedEngine(settings, clock, Double.MAX_VALUE);
        try (Trending a = Trending.of(settings, rebasing);
                Trending b = Trending.of(settings, never)) {
            for (int i = 0; i < 30; i++) {
                var m = article(
                        "a" + i, clock.instant().minus(Duration.ofHours(i)), i % 2 == 0 ? "Crime" : "News", null);
                a.register(m);
                b.register(m);
            }
            var random = new Random(7);
            long startLandmark = rebasing.landmark();
            for (int step = 0; step < 2000; step++) {
                var e = EngagementEvent.view("a" + (int) Math.abs(random.nextGaussian() * 8) % 30);
                a.record(e);
                b.record(e);
                clock.advance(Duration.ofSeconds(random.nextInt(60)));
            }
            assertThat(rebasing.rebases()).isGreaterThan(10);
            assertThat(rebasing.landmark()).isGreaterThan(startLandmark);
            assertThat(never.rebases()).isZero();
            for (String w : WINDOWS) {
                for (Scope s : List.of(Scope.ALL, Scope.label("Crime"))) {
                    assertThat(a.top(s, w, 30).ids()).isEqualTo(b.top(s, w, 30).ids());
                }
                for (int i = 0; i < 30; i++) {
                    double expected = b.explain("a" + i, w).orElseThrow().score();
                    assertThat(a.explain("a" + i, w).orElseThrow().score())
                            .isCloseTo(expected, within(1e-9 * expected));
                }
            }
        }
    }

    @Test
    void monthsOfEventsNeitherOverflowNorLoseTheOrder() {
        // without rebasing, e^(lambda (t - L)) passes e^709 after 85 days with a 2-hour half-life
        var settings = TrendingSettings.inMemory().withArticleLimits(Duration.ofDays(400), 100);
        var engine = new EmbeddedEngine(settings, clock, ScoreIndex.REBASE_EXPONENT);
        try (Trending t = Trending.of(settings, engine)) {
            for (int day = 0; day < 200; day++) {
                t.register(article("d" + day, clock.instant()));
                for (int v = 0; v < 3 + day % 5; v++) {
                    t.record(EngagementEvent.view("d" + day));
                }
                t.record(EngagementEvent.view("d" + (day / 2)));
                clock.advance(Duration.ofDays(1));
            }
            assertThat(engine.rebases()).isGreaterThan(20);
            var top = t.top(Scope.ALL, "week", 5);
            assertThat(top.items())
                    .allSatisfy(i -> assertThat(i.score()).isFinite().isPositive());
            assertThat(top.items()).extracting(TrendingItem::score).isSortedAccordingTo((x, y) -> Double.compare(y, x));
            assertThat(top.ids()).first().isEqualTo("d199");
        }
    }
}
