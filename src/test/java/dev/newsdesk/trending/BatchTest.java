package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static dev.newsdesk.trending.Articles.unpublished;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch (an API request's array) is counted exactly as its events one by one would be. */
class BatchTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aBatchGivesTheOutcomesAndListsOfItsEventsRecordedOneByOne() {
        try (Trending single = open(TrendingSettings.inMemory());
                Trending batched = open(TrendingSettings.inMemory())) {
            compare(single, batched, 42);
        }
    }

    @Test
    void aBatchWithTheDurableLogIsAcknowledgedAndReplayedLikeSingleEvents() {
        TrendingSettings durable = TrendingSettings.inMemory().withStorage(TrendingSettings.Storage.durable(dir));
        List<String> before;
        try (Trending single = open(TrendingSettings.inMemory());
                Trending batched = open(durable)) {
            compare(single, batched, 7);
            before = batched.top(Scope.ALL, "today", 20).ids();
        }
        try (Trending reopened = open(durable)) {
            register(reopened);
            assertThat(reopened.top(Scope.ALL, "today", 20).ids()).isEqualTo(before);
        }
    }

    private Trending open(TrendingSettings settings) {
        return Trending.open(settings, clock);
    }

    private void register(Trending t) {
        for (int i = 0; i < 30; i++) {
            t.register(article(
                    "a" + i, clock.instant().minus(Duration.ofHours(i)), i % 2 == 0 ? "News" : "Crime", "s" + i % 4));
        }
        t.register(unpublished("draft", clock.instant()));
    }

    private void compare(Trending single, Trending batched, long seed) {
        register(single);
        register(batched);
        var random = new SplittableRandom(seed);
        List<Outcome> one = new ArrayList<>();
        List<Outcome> many = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            List<EngagementEvent> batch = new ArrayList<>();
            int size = 1 + random.nextInt(60);
            for (int k = 0; k < size; k++) {
                batch.add(event(random));
            }
            batch.forEach(e -> one.add(single.record(e)));
            for (CompletionStage<Outcome> o : batched.recordAllAsync(batch)) {
                many.add(o.toCompletableFuture().join());
            }
            clock.advance(Duration.ofSeconds(random.nextInt(120)));
        }
        assertThat(many).isEqualTo(one);
        assertThat(one).contains(Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.BOT, Outcome.UNKNOWN_ARTICLE);
        assertThat(batched.stats().outcomes()).isEqualTo(single.stats().outcomes());
        for (Scope scope : List.of(Scope.ALL, Scope.label("Crime"), Scope.category("s1"))) {
            for (String window : List.of("now", "today", "week")) {
                assertThat(batched.top(scope, window, 20).items())
                        .as(scope + " " + window)
                        .isEqualTo(single.top(scope, window, 20).items());
            }
        }
    }

    private static EngagementEvent event(SplittableRandom random) {
        int r = random.nextInt(100);
        String id = r < 3 ? "nowhere" : r < 5 ? "draft" : "a" + random.nextInt(30);
        EventType type = EventType.values()[random.nextInt(EventType.values().length)];
        EngagementEvent e = type == EventType.READ
                ? EngagementEvent.read(id, 5 + random.nextInt(200))
                : EngagementEvent.of(type, id);
        String agent = random.nextInt(20) == 0 ? "Googlebot/2.1" : "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
        return e.by("v" + random.nextInt(12)).from("203.0.113." + random.nextInt(4), agent);
    }
}
