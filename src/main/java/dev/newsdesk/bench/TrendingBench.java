package dev.newsdesk.bench;

import dev.newsdesk.trending.ArticleMeta;
import dev.newsdesk.trending.EngagementEvent;
import dev.newsdesk.trending.Outcome;
import dev.newsdesk.trending.Scope;
import dev.newsdesk.trending.Trending;
import dev.newsdesk.trending.TrendingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The trending benchmark, all figures from one run: the scoring path (gate with dedupe, index update; no HTTP) on one
 * thread, the same with the durable event log, top-20 read latency, memory per article, and a SQL sliding-window
 * baseline in embedded H2. Inputs are generated in untimed chunks; timings use {@link System#nanoTime()}.
 */
public final class TrendingBench {

    /** What to run; every size is a flag of {@code newsdesk bench-trending}. */
    public record Options(
            int articles,
            int events,
            int durableEvents,
            int reads,
            int visitors,
            int sqlViews,
            int sqlWindowHours,
            int sqlReads,
            long seed,
            Path workDir) {}

    /** Scoring-path throughput: per wall-clock second and per CPU-second of the recording thread. */
    public record Scoring(double perSecond, double perCpuSecond, Map<Outcome, Long> outcomes) {}

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p99, double p999, double max) {}

    /** The SQL baseline: load in seconds, list query latency in microseconds. */
    public record SqlResult(
            int views,
            int windowHours,
            long rowsInWindow,
            double loadSeconds,
            double medianMicros,
            double maxMicros,
            int reads,
            String plan) {}

    /** The figures. */
    public record Report(
            Options options,
            double registerPerSecond,
            Scoring scoringDefault,
            Scoring scoringBatched,
            Scoring scoringAllListed,
            double durablePerSecond,
            long logBytes,
            Latency topNow,
            Latency topToday,
            Latency topLabel,
            Latency topCategory,
            double engineBytesPerArticle,
            double metaBytesPerArticle,
            double afterEventsBytesPerArticle,
            SqlResult sql,
            boolean afterSaltRotation) {

        /** SQL median over the engine's p99 for the same list (24 h sliding window vs the 12 h half-life window). */
        public double sqlRatio() {
            return sql.medianMicros() / topToday.p99();
        }
    }

    /**
     * Events made and then recorded at a time: as in a server, where a request's events are recorded right after
     * its body is parsed, they are in the cache when the engine reads them (a chunk of a million, made ahead, had to
     * come from memory at every event). A multiple of {@link #BATCH}. The durable run makes a million at a time: it
     * waits for the log at the end of each chunk, and small chunks would time the waits, not the throughput.
     */
    static final int CHUNK = 4_000;

    private static final int DURABLE_CHUNK = 1_000_000;
    /** Events per batch in the batched run: what a site's server or log shipper posts in one request. */
    static final int BATCH = 100;

    private TrendingBench() {}

    public static Report run(Options o, PrintWriter progress) {
        var data = new BenchData(o.articles(), o.visitors(), o.seed());
        Clock clock = Clock.systemUTC();
        long h0 = heapAfterGc();
        List<ArticleMeta> metas = data.articles(clock.instant());
        long h1 = heapAfterGc();

        // memory first, on an engine of its own: read after a scoring phase, the heap that phase left behind moved the
        // figure by up to 35 bytes/article between runs (the collector keeps some dead space as filler objects)
        progress.printf("registering %,d articles, all listed, for the memory reading%n", o.articles());
        long h2;
        try (Trending engine = Trending.open(allListed(TrendingSettings.Storage.inMemory()), clock)) {
            metas.forEach(engine::register);
            h2 = heapAfterGc();
        }

        long scoringStart = clock.millis();
        progress.printf("scoring %,d events, default settings (only the last 7 days listed)%n", o.events());
        Scoring archive = scoreDefaults(metas, data, o.events(), 1, clock);

        progress.printf("registering %,d articles, all listed%n", o.articles());
        Trending trending = Trending.open(allListed(TrendingSettings.Storage.inMemory()), clock);
        long t0 = System.nanoTime();
        metas.forEach(trending::register);
        double registerPerSecond = o.articles() / seconds(t0);
        progress.printf("scoring %,d events, all articles listed%n", o.events());
        Scoring listed = score(trending, data, o.events(), 1);

        progress.printf("reading top-20 lists %,d times each%n", o.reads());
        Latency now = latency(o.reads(), () -> trending.top(Scope.ALL, "now", 20));
        Latency today = latency(o.reads(), () -> trending.top(Scope.ALL, "today", 20));
        Latency label = latency(o.reads(), () -> trending.top(Scope.label("Opinion"), "now", 20));
        Latency category = latency(o.reads(), () -> trending.top(Scope.category("section-7"), "now", 20));
        long h3 = heapAfterGc();
        trending.close();

        progress.printf(
                "scoring %,d events, default settings, in batches of %d (an API request's array)%n", o.events(), BATCH);
        Scoring batched = scoreDefaults(metas, data, o.events(), BATCH, clock);

        Durable durable = durable(o, metas, data, clock, progress);

        boolean afterRotation = TrendingSettings.DEFAULTS.keysTwiceAt(scoringStart)
                || TrendingSettings.DEFAULTS.keysTwiceAt(clock.millis());
        progress.printf("SQL baseline: loading %,d views into H2%n", o.sqlViews());
        SqlResult sql = SqlBaseline.run(o.articles(), o.sqlViews(), o.sqlWindowHours(), o.sqlReads(), o.seed());
        return new Report(
                o,
                registerPerSecond,
                archive,
                batched,
                listed,
                durable.perSecond(),
                durable.logBytes(),
                now,
                today,
                label,
                category,
                (double) (h2 - h1) / o.articles(),
                (double) (h1 - h0) / o.articles(),
                (double) (h3 - h1) / o.articles(),
                sql,
                afterRotation);
    }

    /** A fresh in-memory engine with the default settings, scored (one event at a time, or in batches) and closed. */
    private static Scoring scoreDefaults(List<ArticleMeta> metas, BenchData data, int events, int batch, Clock clock) {
        try (Trending t =
                Trending.open(TrendingSettings.DEFAULTS.withStorage(TrendingSettings.Storage.inMemory()), clock)) {
            metas.forEach(t::register);
            return score(t, data, events, batch);
        }
    }

    /** Warm-up (a tenth, at most 500,000 events), then the timed rest. */
    private static Scoring score(Trending t, BenchData data, int events, int batch) {
        int warmup = Math.min(500_000, Math.max(1, events / 10));
        feed(t, data, warmup, false, batch);
        Feed f = feed(t, data, events - warmup, false, batch);
        return new Scoring(
                (events - warmup) / f.wallSeconds(),
                (events - warmup) / f.cpuSeconds(),
                t.stats().outcomes());
    }

    /**
     * The defaults, but with every article young enough to be listed (they are published over 5 years): all of them
     * sit in the scope trees, the worst case for memory, tree depth and the scoring path.
     */
    static TrendingSettings allListed(TrendingSettings.Storage storage) {
        return TrendingSettings.DEFAULTS.withStorage(storage).withArticleLimits(Duration.ofDays(6 * 366), 4);
    }

    private record Durable(double perSecond, long logBytes) {}

    private static Durable durable(
            Options o, List<ArticleMeta> metas, BenchData data, Clock clock, PrintWriter progress) {
        if (o.durableEvents() == 0) {
            return new Durable(0, 0);
        }
        Path dir;
        try {
            Files.createDirectories(o.workDir());
            dir = Files.createTempDirectory(o.workDir(), "trending-bench-log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.printf("scoring %,d events on one thread with the durable log in %s%n", o.durableEvents(), dir);
        try (Trending t =
                Trending.open(TrendingSettings.DEFAULTS.withStorage(TrendingSettings.Storage.durable(dir)), clock)) {
            metas.forEach(t::register);
            feed(t, data, Math.min(200_000, Math.max(1, o.durableEvents() / 10)), true, 1);
            double perSecond = o.durableEvents()
                    / feed(t, data, o.durableEvents(), true, 1).wallSeconds();
            return new Durable(perSecond, t.stats().logBytes());
        } finally {
            delete(dir);
        }
    }

    /** Time spent recording: wall clock, and CPU time of the recording thread (immune to a busy machine). */
    private record Feed(double wallSeconds, double cpuSeconds) {}

    /** Feeds {@code n} events made in untimed chunks ({@link #CHUNK}); async waits until the last is durable. */
    private static Feed feed(Trending t, BenchData data, int n, boolean async, int batch) {
        var threads = ManagementFactory.getThreadMXBean();
        long wall = 0;
        long cpu = 0;
        for (int done = 0; done < n; ) {
            EngagementEvent[] chunk = data.events(Math.min(async ? DURABLE_CHUNK : CHUNK, n - done));
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            if (batch > 1) {
                List<EngagementEvent> all = Arrays.asList(chunk);
                CompletionStage<Outcome> last = null;
                for (int i = 0; i < chunk.length; i += batch) {
                    last = t.recordAllAsync(all.subList(i, Math.min(chunk.length, i + batch)))
                            .getLast();
                }
                last.toCompletableFuture().join();
            } else if (async) {
                CompletionStage<Outcome> last = null;
                for (EngagementEvent e : chunk) {
                    last = t.recordAsync(e);
                }
                last.toCompletableFuture().join();
            } else {
                for (EngagementEvent e : chunk) {
                    t.record(e);
                }
            }
            wall += System.nanoTime() - start;
            cpu += threads.getCurrentThreadCpuTime() - cpuStart;
            done += chunk.length;
        }
        return new Feed(wall / 1e9, cpu / 1e9);
    }

    private static Latency latency(int reads, Supplier<?> read) {
        for (int i = 0; i < Math.min(2_000, reads); i++) {
            read.get();
        }
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Latency(
                pct(nanos, 0.50) / 1e3, pct(nanos, 0.99) / 1e3, pct(nanos, 0.999) / 1e3, nanos[reads - 1] / 1e3);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Heap in use after full collections: the memory method, stable within a few hundred KB on a quiet JVM. */
    static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
