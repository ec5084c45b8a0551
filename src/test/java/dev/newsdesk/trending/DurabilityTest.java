package dev.newsdesk.trending;

import static dev.newsdesk.trending.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    private static final List<String> WINDOWS = List.of("now", "today", "week");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private final List<ArticleMeta> articles = new ArrayList<>();

    /** Segments of {@code segmentBytes}, no automatic checkpoints: the tests of rolling look at the files. */
    private Trending open(long segmentBytes) {
        return open(TrendingSettings.Storage.durable(dir)
                .withSegmentBytes(segmentBytes)
                .withCheckpointSegments(0));
    }

    private Trending open(TrendingSettings.Storage storage) {
        Trending t = Trending.open(TrendingSettings.DEFAULTS.withStorage(storage), clock);
        articles.forEach(t::register);
        return t;
    }

    /** An engine the test can ask for a checkpoint. */
    private record Opened(Trending trending, EmbeddedEngine engine) {}

    private Opened openEngine(TrendingSettings settings) {
        var engine = new EmbeddedEngine(settings, clock, ScoreIndex.REBASE_EXPONENT);
        Trending t = Trending.of(settings, engine);
        articles.forEach(t::register);
        return new Opened(t, engine);
    }

    private TrendingSettings smallSegments() {
        return TrendingSettings.DEFAULTS.withStorage(
                TrendingSettings.Storage.durable(dir).withSegmentBytes(4096).withCheckpointSegments(0));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCheckpointReplacesTheLogBeforeItAndRestartRestoresTheExactState() throws IOException {
        addArticles(12);
        List<Object> before;
        Opened o = openEngine(smallSegments());
        try (Trending t = o.trending()) {
            for (int round = 0; round < 10; round++) {
                someTraffic(t, 100, 20 + round);
            }
            t.pin("art-7");
            t.pin("art-3");
            t.block("art-2");
            List<String> logged = files();
            assertThat(logged.size()).isGreaterThan(3);
            long bytesBefore = t.stats().logBytes();
            assertThat(o.engine().checkpoint()).isTrue();
            List<String> kept = files();
            // 12 articles' state in place of 1,000 events
            assertThat(t.stats().logBytes()).isPositive().isLessThan(bytesBefore / 4);
            // the old segments are gone; the checkpoint fills the gap left before the segment now written to
            assertThat(kept).hasSize(2).doesNotContainAnyElementsOf(logged);
            someTraffic(t, 300, 31);
            before = state(t);
        }
        try (Trending t = open(smallSegments().storage())) {
            assertThat(state(t)).isEqualTo(before);
            assertThat(t.top(Scope.ALL, "now", 2).ids()).containsExactly("art-7", "art-3");
        }
    }

    @Test
    void segmentsLeftBehindByACrashAfterACheckpointAreNotCountedTwice() throws IOException {
        addArticles(8);
        Path aside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-aside"));
        List<Object> before;
        Opened o = openEngine(smallSegments());
        try (Trending t = o.trending()) {
            for (int round = 0; round < 6; round++) {
                someTraffic(t, 100, 40 + round);
            }
            for (String f : files()) {
                Files.copy(dir.resolve(f), aside.resolve(f));
            }
            o.engine().checkpoint();
            someTraffic(t, 200, 47);
            before = state(t);
        }
        try (Stream<Path> old = Files.list(aside)) {
            for (Path p : old.toList()) {
                Files.copy(p, dir.resolve(p.getFileName())); // as if the process died before deleting them
            }
        }
        List<String> old;
        try (Stream<Path> files = Files.list(aside)) {
            old = files.map(p -> p.getFileName().toString()).toList();
        }
        try (Trending t = open(smallSegments().storage())) {
            assertThat(state(t)).isEqualTo(before);
        }
        assertThat(files()).doesNotContainAnyElementsOf(old);
    }

    @Test
    void theEngineCheckpointsByItselfOnceEnoughSegmentsHaveClosed() throws Exception {
        addArticles(10);
        var storage =
                TrendingSettings.Storage.durable(dir).withSegmentBytes(4096).withCheckpointSegments(3);
        List<Object> before;
        try (Trending t = open(storage)) {
            for (int round = 0; round < 12; round++) {
                someTraffic(t, 100, 60 + round);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (files().size() > 4 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // a checkpoint is written within a second or so of the third closed segment
            assertThat(files().size()).isLessThanOrEqualTo(4);
            before = state(t);
        }
        try (Trending t = open(storage)) {
            assertThat(state(t)).isEqualTo(before);
        }
    }

    @Test
    void changedWindowsKeepTheCountsButNotTheDecayedEngagementOfACheckpoint() {
        addArticles(4);
        Opened o = openEngine(smallSegments());
        try (Trending t = o.trending()) {
            someTraffic(t, 200, 80);
            o.engine().checkpoint();
        }
        var otherWindows =
                smallSegments().withWindows(List.of(new TrendingSettings.Window("now", Duration.ofHours(1))));
        try (Trending t = Trending.open(otherWindows, clock)) {
            articles.forEach(t::register);
            var explained = t.explain("art-1", "now").orElseThrow();
            assertThat(explained.counts().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isPositive();
            assertThat(explained.engagement()).isZero();
        }
    }

    private Trending open() {
        return open(64L << 20);
    }

    /** Every explanation of every article in every window, and every list: what a restart must restore exactly. */
    private List<Object> state(Trending t) {
        var s = new ArrayList<Object>();
        for (ArticleMeta a : articles) {
            for (String w : WINDOWS) {
                s.add(t.explain(a.id(), w).orElseThrow());
            }
        }
        for (String w : WINDOWS) {
            s.add(t.top(Scope.ALL, w, 20));
            s.add(t.top(Scope.label("Crime"), w, 20));
        }
        s.add(t.rising(Scope.ALL, 20));
        return s;
    }

    private void someTraffic(Trending t, int events, long seed) {
        var random = new Random(seed);
        EventType[] types = EventType.values();
        java.util.concurrent.CompletionStage<Outcome> last = null;
        for (int i = 0; i < events; i++) {
            String id = articles.get(random.nextInt(articles.size())).id();
            EventType type = types[random.nextInt(types.length)];
            var e = new EngagementEvent(
                    id,
                    type,
                    random.nextInt(300),
                    clock.instant().minusSeconds(random.nextInt(3600)),
                    "v" + random.nextInt(50),
                    null,
                    null,
                    null);
            last = t.recordAsync(e); // one fsync per batch, not per event: the test is about replay, not latency
            clock.advance(Duration.ofSeconds(random.nextInt(120)));
        }
        last.toCompletableFuture().join();
    }

    private void addArticles(int n) {
        for (int i = 0; i < n; i++) {
            articles.add(article(
                    "art-" + i,
                    clock.instant().minus(Duration.ofHours(i)),
                    i % 3 == 0 ? "Crime" : "News",
                    "cat" + (i % 4)));
        }
    }

    @Test
    void restartRestoresTheExactScoresListsAndEditorialChoices() {
        addArticles(12);
        List<Object> before;
        try (Trending t = open()) {
            someTraffic(t, 3000, 1);
            t.pin("art-7");
            t.block("art-2");
            before = state(t);
        }
        try (Trending t = open()) {
            assertThat(state(t)).isEqualTo(before);
            assertThat(t.top(Scope.ALL, "now", 1).ids()).containsExactly("art-7");
        }
    }

    @Test
    void eventsReplayedBeforeTheirArticleIsRegisteredStillCount() {
        addArticles(3);
        List<Object> before;
        try (Trending t = open()) {
            someTraffic(t, 500, 2);
            before = state(t);
        }
        var settings = TrendingSettings.DEFAULTS.withStorage(TrendingSettings.Storage.durable(dir));
        try (Trending t = Trending.open(settings, clock)) {
            assertThat(t.top(Scope.ALL, "now", 10).items()).isEmpty();
            articles.forEach(t::register);
            assertThat(state(t)).isEqualTo(before);
        }
    }

    @Test
    void aTornTailIsCutOffAndKeptAsideAndTheLogStaysUsable() throws IOException {
        addArticles(5);
        List<Object> before;
        try (Trending t = open()) {
            someTraffic(t, 400, 3);
            before = state(t);
        }
        Path segment = onlySegment();
        long goodSize = Files.size(segment);
        // half a record: a length and a checksum, then too few bytes
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 2, 0, 7}, StandardOpenOption.APPEND);
        try (Trending t = open()) {
            assertThat(state(t)).isEqualTo(before);
            assertThat(Files.size(segment)).isEqualTo(goodSize);
            assertThat(t.record(EngagementEvent.view("art-1"))).isEqualTo(Outcome.ACCEPTED);
            before = state(t);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains(".torn-" + goodSize));
        }
        try (Trending t = open()) {
            assertThat(state(t)).isEqualTo(before);
        }
    }

    @Test
    void aZeroFilledTailIsCutOffWithoutKeepingIt() throws IOException {
        addArticles(2);
        try (Trending t = open()) {
            someTraffic(t, 50, 4);
        }
        Path segment = onlySegment();
        long goodSize = Files.size(segment);
        Files.write(segment, new byte[4096], StandardOpenOption.APPEND);
        try (Trending t = open()) {
            assertThat(t.explain("art-0", "now")).isPresent();
        }
        assertThat(Files.size(segment)).isEqualTo(goodSize);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void segmentsRollAtTheirSizeAndAllAreReplayed() throws IOException {
        addArticles(6);
        List<Object> before;
        try (Trending t = open(4096)) {
            // rounds that each wait for durability end a batch; on a busy machine one stream of async records can
            // merge into a few large batches, and segments only roll between batches
            for (int round = 0; round < 20; round++) {
                someTraffic(t, 100, 5 + round);
            }
            before = state(t);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isGreaterThan(3);
        }
        try (Trending t = open(4096)) {
            assertThat(state(t)).isEqualTo(before);
        }
    }

    @Test
    void corruptionBeforeTheLastSegmentStopsTheOpenWithTheSegmentNamed() throws IOException {
        addArticles(3);
        try (Trending t = open(4096)) {
            someTraffic(t, 1000, 6);
        }
        Path first = dir.resolve("segment-0000000000.log");
        byte[] bytes = Files.readAllBytes(first);
        bytes[100] ^= 0x5a;
        Files.write(first, bytes);
        assertThatThrownBy(this::open)
                .isInstanceOf(TrendingException.class)
                .hasMessageContaining("segment-0000000000.log")
                .hasMessageContaining("corrupt");
    }

    @Test
    void asyncRecordsCompleteOnceDurableAndDropsCompleteAtOnce() throws Exception {
        addArticles(2);
        try (Trending t = open()) {
            var futures = new ArrayList<CompletableFuture<Outcome>>();
            for (int i = 0; i < 10_000; i++) {
                futures.add(
                        t.recordAsync(EngagementEvent.view("art-" + (i % 2))).toCompletableFuture());
            }
            for (var f : futures) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.ACCEPTED);
            }
            var dropped = t.recordAsync(EngagementEvent.view("nope")).toCompletableFuture();
            assertThat(dropped).isCompletedWithValue(Outcome.UNKNOWN_ARTICLE);
        }
        try (Trending t = open()) {
            long views = t.explain("art-0", "now").orElseThrow().counts().get(EventType.VIEW)
                    + t.explain("art-1", "now").orElseThrow().counts().get(EventType.VIEW);
            assertThat(views).isEqualTo(10_000);
        }
    }

    @Test
    void theLogHoldsNoVisitorData() throws IOException {
        addArticles(1);
        try (Trending t = open()) {
            t.record(EngagementEvent.view("art-0").by("visitor-secret-42").from("203.0.113.77", "Mozilla/5.0 Firefox"));
        }
        String content = new String(Files.readAllBytes(onlySegment()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(content)
                .contains("art-0")
                .doesNotContain("visitor-secret")
                .doesNotContain("203.0.113")
                .doesNotContain("Firefox");
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }
}
