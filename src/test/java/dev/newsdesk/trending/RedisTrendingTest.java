package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances on one Redis (127.0.0.1:6379; {@code .ci/run} starts it). Never skipped: without Redis it
 * fails and says so. Each test uses its own key prefix and deletes its keys.
 */
class RedisTrendingTest {

    private static final String URI = "redis://127.0.0.1:6379";
    private static final List<String> WINDOWS = List.of("now", "today", "week");

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;

    private final String prefix = "newsdesk-test:" + UUID.randomUUID();
    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private final List<Trending> open = new ArrayList<>();

    @BeforeAll
    static void redisIsUp() {
        RedisURI uri = RedisURI.create(URI);
        uri.setTimeout(Duration.ofSeconds(3));
        client = RedisClient.create(uri);
        try {
            admin = client.connect();
            admin.sync().ping();
        } catch (RuntimeException e) {
            client.shutdown();
            fail("Redis is not reachable at 127.0.0.1:6379 (start it: redis-server, or .ci/run): " + e.getMessage());
        }
    }

    @AfterAll
    static void disconnect() {
        if (admin != null) {
            admin.close();
            client.shutdown();
        }
    }

    @AfterEach
    void cleanUp() {
        open.forEach(Trending::close);
        var sync = admin.sync();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            var page = sync.scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(1000));
            if (!page.getKeys().isEmpty()) {
                sync.unlink(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
        assertThat(sync.keys(prefix + ":*")).isEmpty();
    }

    private Trending node() {
        var settings = TrendingSettings.DEFAULTS.withStorage(
                TrendingSettings.Storage.redis(URI, prefix).withRedisFlushInterval(Duration.ofHours(1)));
        Trending t = Trending.open(settings, clock);
        open.add(t);
        return t;
    }

    private static List<ArticleMeta> articles(MutableClock clock) {
        var list = new ArrayList<ArticleMeta>();
        for (int i = 0; i < 10; i++) {
            list.add(article(
                    "r" + i,
                    clock.instant().minus(Duration.ofHours(i * 3L)),
                    i % 3 == 0 ? "Crime" : "News",
                    i % 2 == 0 ? "metro" : "sport"));
        }
        return list;
    }

    private static Outcome await(java.util.concurrent.CompletionStage<Outcome> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aScheduledArticleCountsNothingUntilItsPublicationTime() throws Exception {
        Trending a = node();
        a.register(article("later", clock.instant().plus(Duration.ofHours(1))));
        assertThat(await(a.recordAsync(EngagementEvent.view("later")))).isEqualTo(Outcome.UNPUBLISHED);
        clock.advance(Duration.ofHours(1));
        var accepted = a.recordAsync(EngagementEvent.view("later"));
        a.flush();
        assertThat(await(accepted)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void eventsSentToOneNodeAreListedIdenticallyByTheOther() throws Exception {
        Trending a = node();
        Trending b = node();
        var embedded = Trending.open(TrendingSettings.inMemory(), clock);
        open.add(embedded);
        for (ArticleMeta m : articles(clock)) {
            a.register(m);
            b.register(m);
            embedded.register(m);
        }
        var random = new Random(11);
        var pending = new ArrayList<CompletableFuture<Outcome>>();
        for (int i = 0; i < 400; i++) {
            var e = new EngagementEvent(
                    "r" + (int) Math.min(9, Math.abs(random.nextGaussian() * 4)),
                    EventType.values()[random.nextInt(5)],
                    random.nextInt(200),
                    clock.instant().minusSeconds(random.nextInt(600)),
                    "visitor" + random.nextInt(100),
                    null,
                    GateTest.FIREFOX,
                    null);
            pending.add(a.recordAsync(e).toCompletableFuture());
            embedded.record(e);
            if (i % 100 == 99) {
                a.flush();
                clock.advance(Duration.ofMinutes(7));
            }
        }
        a.flush();
        for (var f : pending) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isIn(Outcome.ACCEPTED, Outcome.DUPLICATE);
        }
        assertThat(a.stats().accepted()).isEqualTo(embedded.stats().accepted()).isGreaterThan(300);

        for (String w : WINDOWS) {
            for (Scope s : List.of(Scope.ALL, Scope.label("Crime"), Scope.category("sport"))) {
                TrendingList fromA = a.top(s, w, 10);
                TrendingList fromB = b.top(s, w, 10);
                assertThat(fromB).as("%s %s", s, w).isEqualTo(fromA);
                assertThat(fromB.ids())
                        .as("%s %s as embedded", s, w)
                        .isEqualTo(embedded.top(s, w, 10).ids());
                for (int i = 0; i < fromB.items().size(); i++) {
                    var expected = embedded.top(s, w, 10).items().get(i).explanation();
                    var actual = fromB.items().get(i).explanation();
                    assertThat(actual.score()).isCloseTo(expected.score(), within(1e-9 * expected.score()));
                    assertThat(actual.recency()).isCloseTo(expected.recency(), within(1e-9 * expected.score()));
                    assertThat(actual.counts()).isEqualTo(expected.counts());
                }
            }
        }
        assertThat(b.rising(Scope.ALL, 10)).isEqualTo(a.rising(Scope.ALL, 10));
        assertThat(b.rising(Scope.ALL, 10).ids())
                .isEqualTo(embedded.rising(Scope.ALL, 10).ids());
    }

    @Test
    void aReaderCountsOnceAcrossNodes() throws Exception {
        Trending a = node();
        Trending b = node();
        a.register(article("x", clock.instant()));
        b.register(article("x", clock.instant()));
        var view = EngagementEvent.view("x").by("reader-1").from("203.0.113.5", GateTest.FIREFOX);
        var first = a.recordAsync(view);
        a.flush();
        assertThat(await(first)).isEqualTo(Outcome.ACCEPTED);
        var again = b.recordAsync(view);
        var other = b.recordAsync(view.by("reader-2"));
        b.flush();
        assertThat(await(again)).isEqualTo(Outcome.DUPLICATE);
        assertThat(await(other)).isEqualTo(Outcome.ACCEPTED);
        assertThat(b.explain("x", "now").orElseThrow().counts().get(EventType.VIEW))
                .isEqualTo(2);
        assertThat(b.stats().dropped(Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(admin.sync().keys(prefix + ":d:*")).hasSize(2);
        assertThat(admin.sync().pttl(admin.sync().keys(prefix + ":d:*").getFirst()))
                .isBetween(1L, Duration.ofMinutes(30).toMillis());
    }

    @Test
    void pinsBlocksAndRelabellingAreSharedByTheNodes() throws Exception {
        Trending a = node();
        Trending b = node();
        for (ArticleMeta m : articles(clock)) {
            a.register(m);
            b.register(m);
        }
        for (int i = 0; i < 5; i++) {
            a.recordAsync(EngagementEvent.view("r1"));
        }
        a.flush();
        a.pin("r9");
        a.block("r1");
        b.flush(); // a node picks up editorial changes at every flush tick
        assertThat(b.top(Scope.ALL, "now", 3).ids()).startsWith("r9").doesNotContain("r1");

        a.unblock("r1");
        ArticleMeta r1 = articles(clock).get(1);
        var relabelled = new ArticleMeta(r1.id(), r1.title(), r1.url(), r1.publishedAt(), "Opinion", "metro", true);
        a.register(relabelled);
        b.register(relabelled);
        a.flush();
        b.flush();
        assertThat(b.top(Scope.label("Opinion"), "now", 5).ids()).containsExactly("r1");
        assertThat(b.top(Scope.label("News"), "now", 10).ids()).doesNotContain("r1");
        assertThat(b.top(Scope.category("metro"), "now", 1).ids()).containsExactly("r1");
        assertThat(b.explain("r1", "now").orElseThrow().counts().get(EventType.VIEW))
                .isEqualTo(5);
    }

    @Test
    void redisThatCannotBeReachedIsReportedClearly() {
        var settings =
                TrendingSettings.DEFAULTS.withStorage(TrendingSettings.Storage.redis("redis://127.0.0.1:1", prefix));
        assertThatThrownBy(() -> Trending.open(settings, clock))
                .isInstanceOf(TrendingException.class)
                .hasMessageContaining("cannot reach Redis at redis://127.0.0.1:1");
    }
}
