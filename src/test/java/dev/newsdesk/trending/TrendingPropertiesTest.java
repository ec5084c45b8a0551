package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random event streams, checked against {@link Reference}. */
class TrendingPropertiesTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final int ARTICLES = 8;
    private static final List<String> WINDOWS = List.of("now", "today", "week");
    private static final List<Scope> SCOPES = List.of(Scope.ALL, Scope.label("Crime"), Scope.category("c1"));

    /** One step of a stream: time passes, then an event arrives (possibly stamped earlier, possibly a bot). */
    record Step(int article, EventType type, int seconds, int minutesLater, int lateMinutes, Integer visitor) {}

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, ARTICLES), // ARTICLES itself: an unknown id
                        Arbitraries.of(EventType.class),
                        Arbitraries.integers().between(0, 900),
                        Arbitraries.integers().between(0, 400).edgeCases(c -> c.add(0)),
                        Arbitraries.integers().between(0, 500),
                        Arbitraries.integers().between(0, 3).injectNull(0.3))
                .as(Step::new);
    }

    private static List<ArticleMeta> articles(int publishedSpreadHours) {
        var list = new ArrayList<ArticleMeta>();
        for (int i = 0; i < ARTICLES; i++) {
            Instant published = START.minus(Duration.ofMinutes((long) i * publishedSpreadHours * 60 / ARTICLES));
            list.add(new ArticleMeta(
                    "a" + i, "T" + i, "u" + i, published, i % 2 == 0 ? "Crime" : "News", "c" + (i % 3), i != 5));
        }
        return list;
    }

    private static TrendingSettings settings(double prior, int maxAgeHours) {
        return TrendingSettings.inMemory()
                .withRecencyPrior(prior)
                .withArticleLimits(Duration.ofHours(maxAgeHours), 1000)
                .withMaxEventAge(Duration.ofHours(6));
    }

    private static Outcome play(Trending t, Reference ref, MutableClock clock, Step s) {
        clock.advance(Duration.ofMinutes(s.minutesLater()));
        var e = new EngagementEvent(
                "a" + s.article(),
                s.type(),
                s.seconds(),
                clock.instant().minus(Duration.ofMinutes(s.lateMinutes())),
                s.visitor() == null ? null : "visitor" + s.visitor(),
                null,
                null,
                null);
        Outcome expected = ref.record(e, clock.millis());
        Outcome actual = t.record(e);
        assertThat(actual).as("outcome of %s", e).isEqualTo(expected);
        return actual;
    }

    @Property(tries = 200)
    void scoresAndListsMatchABruteForceRecomputation(
            @ForAll @Size(max = 300) List<@From("steps") Step> stream,
            @ForAll @IntRange(max = 10) int prior,
            @ForAll @IntRange(min = 1, max = 200) int publishedSpreadHours,
            @ForAll @IntRange(min = 1, max = 400) int maxAgeHours,
            @ForAll boolean rebaseOften) {
        // articles age out of the lists (and the index's trees) during the stream when maxAgeHours is small
        var settings = settings(prior, maxAgeHours);
        var clock = new MutableClock(START);
        var ref = new Reference(settings);
        // a tiny rebase threshold moves the landmark every hour or so: rebasing must not change any result
        var engine = new EmbeddedEngine(settings, clock, rebaseOften ? 0.05 : ScoreIndex.REBASE_EXPONENT);
        try (Trending t = Trending.of(settings, engine)) {
            articles(publishedSpreadHours).forEach(a -> {
                t.register(a);
                ref.register(a);
            });
            for (Step s : stream) {
                play(t, ref, clock, s);
            }
            clock.advance(Duration.ofMinutes(37));
            long now = clock.millis();
            for (String w : WINDOWS) {
                for (int i = 0; i < ARTICLES; i++) {
                    var e = t.explain("a" + i, w).orElseThrow();
                    double expected = ref.score("a" + i, w, now);
                    assertThat(e.score()).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
                    assertThat(e.engagement())
                            .isCloseTo(ref.engagement("a" + i, w, now), within(1e-9 * Math.max(1, expected)));
                }
                for (Scope scope : SCOPES) {
                    assertSameRanking(t.top(scope, w, 20).ids(), ref.ranking(scope, w, now), ref, w, now);
                }
            }
        }
    }

    /** Same articles in the same order, except that near-ties (within rounding) may come either way. */
    private static void assertSameRanking(
            List<String> actual, List<String> expected, Reference ref, String w, long now) {
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 0; i + 1 < actual.size(); i++) {
            double a = ref.score(actual.get(i), w, now);
            double b = ref.score(actual.get(i + 1), w, now);
            assertThat(a)
                    .as("%s before %s in %s", actual.get(i), actual.get(i + 1), w)
                    .isGreaterThanOrEqualTo(b - 1e-9 * Math.max(1, a));
        }
    }

    @Property(tries = 40)
    void restartFromTheLogRestoresBitIdenticalScores(
            @ForAll @Size(max = 200) List<@From("steps") Step> stream,
            @ForAll boolean rebaseOften,
            @ForAll @IntRange(min = -1, max = 200) int checkpointAfter)
            throws Exception {
        Path dir = Files.createTempDirectory("trending-prop");
        var settings = settings(5, 30).withStorage(TrendingSettings.Storage.durable(dir));
        var clock = new MutableClock(START);
        var ref = new Reference(settings);
        var articles = articles(48);
        double exponent = rebaseOften ? 0.05 : ScoreIndex.REBASE_EXPONENT;
        var before = new ArrayList<Object>();
        var engine = new EmbeddedEngine(settings, clock, exponent);
        try (Trending t = Trending.of(settings, engine)) {
            articles.forEach(a -> {
                t.register(a);
                ref.register(a);
            });
            for (int i = 0; i < stream.size(); i++) {
                if (i == checkpointAfter) {
                    engine.checkpoint(); // events after it replay on top of the restored state
                }
                play(t, ref, clock, stream.get(i));
            }
            for (String w : WINDOWS) {
                articles.forEach(a -> before.add(t.explain(a.id(), w).orElseThrow()));
                before.add(t.top(Scope.ALL, w, 20));
            }
        }
        var after = new ArrayList<Object>();
        try (Trending t = Trending.of(settings, new EmbeddedEngine(settings, clock, exponent))) {
            articles.forEach(t::register);
            for (String w : WINDOWS) {
                articles.forEach(a -> after.add(t.explain(a.id(), w).orElseThrow()));
                after.add(t.top(Scope.ALL, w, 20));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        assertThat(after).isEqualTo(before);
    }
}
