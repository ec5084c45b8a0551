package dev.newsdesk.cli;

import dev.newsdesk.bench.TrendingBench;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk bench-trending}: the trending engine's throughput, latency and memory against its targets. */
@Command(
        name = "bench-trending",
        mixinStandardHelpOptions = true,
        description = "Benchmark the trending engine: scoring throughput (in memory and durable), top-20 read latency,"
                + " memory per article, and a SQL sliding-window baseline, in one run.")
final class BenchTrendingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", paramLabel = "N", description = "Registered articles (default: ${DEFAULT-VALUE}).")
    int articles = 1_000_000;

    @Option(
            names = "--events",
            paramLabel = "N",
            description = "Events on the in-memory scoring path (default: ${DEFAULT-VALUE}).")
    int events = 10_000_000;

    @Option(
            names = "--durable-events",
            paramLabel = "N",
            description = "Events with the durable log on; 0 skips (default: ${DEFAULT-VALUE}).")
    int durableEvents = 2_000_000;

    @Option(names = "--reads", paramLabel = "N", description = "Timed reads per list (default: ${DEFAULT-VALUE}).")
    int reads = 20_000;

    @Option(names = "--visitors", paramLabel = "N", description = "Distinct visitors (default: ${DEFAULT-VALUE}).")
    int visitors = 500_000;

    @Option(
            names = "--sql-views",
            paramLabel = "N",
            description = "Rows (views) in the SQL baseline; 0 skips (default: ${DEFAULT-VALUE}).")
    int sqlViews = 10_000_000;

    @Option(
            names = "--sql-window-hours",
            paramLabel = "H",
            description = "The SQL sliding window (default: ${DEFAULT-VALUE}).")
    int sqlWindowHours = 24;

    @Option(
            names = "--sql-reads",
            paramLabel = "N",
            description = "Timed SQL list queries (default: ${DEFAULT-VALUE}).")
    int sqlReads = 5;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where the durable run writes its log, deleted after (default: ${DEFAULT-VALUE}).")
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    public Integer call() {
        if (articles < 1
                || events < 2
                || reads < 1
                || visitors < 1
                || durableEvents < 0
                || sqlViews < 0
                || sqlReads < 1
                || sqlWindowHours < 1) {
            throw new IllegalArgumentException("sizes must be positive (durable events and SQL views may be 0)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var o = new TrendingBench.Options(
                articles, events, durableEvents, reads, visitors, sqlViews, sqlWindowHours, sqlReads, seed, workDir);
        TrendingBench.Report r = TrendingBench.run(o, err);
        print(out, r);
        return Main.OK;
    }

    private static void print(PrintWriter out, TrendingBench.Report r) {
        var o = r.options();
        var rt = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "machine: %d cores, max heap %.1f GB, %s %s, GC %s%n",
                rt.availableProcessors(),
                rt.maxMemory() / 1e9,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(g -> g.getName())
                        .collect(Collectors.joining(", ")));
        out.printf(
                Locale.ROOT,
                "articles %,d; events %,d (in memory), %,d (durable); visitors %,d; seed %d%n",
                o.articles(),
                o.events(),
                o.durableEvents(),
                o.visitors(),
                o.seed());
        if (r.afterSaltRotation()) {
            out.println(
                    "note: the scoring ran in the first dedupe window after the daily salt rotation (00:00-00:30 UTC),"
                            + " when every event is keyed and probed twice; run it at another time to compare with other runs");
        }
        out.printf(Locale.ROOT, "register            %,12.0f articles/s%n", r.registerPerSecond());
        scoring(out, "scoring, defaults", r.scoringDefault(), "default settings: articles older than 7 days unlisted");
        scoring(
                out,
                "scoring, batched",
                r.scoringBatched(),
                "defaults, events in batches of 100 as POST /api/v1/events with an array delivers them");
        scoring(out, "scoring, all listed", r.scoringAllListed(), "all articles in the scope trees: the worst case");
        if (o.durableEvents() > 0) {
            line(
                    out,
                    "scoring, durable log",
                    r.durablePerSecond(),
                    "events/s",
                    r.durablePerSecond() >= 200_000,
                    ">= 200,000");
            out.printf(
                    Locale.ROOT,
                    "  log written: %,d bytes (%.1f bytes/event, incl. warm-up)%n",
                    r.logBytes(),
                    (double) r.logBytes()
                            / (o.durableEvents() + Math.min(200_000, Math.max(1, o.durableEvents() / 10))));
        }
        latency(out, "top-20 all/now", r.topNow(), true);
        latency(out, "top-20 all/today", r.topToday(), false);
        latency(out, "top-20 label/now", r.topLabel(), false);
        latency(out, "top-20 category/now", r.topCategory(), false);
        line(
                out,
                "memory, engine",
                r.engineBytesPerArticle(),
                "bytes/article",
                r.engineBytesPerArticle() < 200,
                "< 200");
        out.printf(
                Locale.ROOT,
                "  method: heap used after System.gc() (min of 4), engine with all articles registered minus"
                        + " the same ArticleMeta list alone; the metadata itself: %.0f bytes/article; everything after the events"
                        + " (scores, dedupe set of the last 30 min, caches): %.0f bytes/article%n",
                r.metaBytesPerArticle(),
                r.afterEventsBytesPerArticle());
        var sql = r.sql();
        if (sql.views() > 0) {
            out.printf(
                    Locale.ROOT,
                    "SQL baseline (H2 in memory): %,d views over 7 days, %d h window = %,d rows, loaded in %.1f s%n",
                    sql.views(),
                    sql.windowHours(),
                    sql.rowsInWindow(),
                    sql.loadSeconds());
            out.printf(
                    Locale.ROOT,
                    "  top-20 query: median %,.0f us, max %,.0f us over %d runs%n",
                    sql.medianMicros(),
                    sql.maxMicros(),
                    sql.reads());
            out.printf(Locale.ROOT, "  plan: %s%n", sql.plan());
            line(
                    out,
                    "engine vs SQL",
                    r.sqlRatio(),
                    "x faster (SQL median / engine p99, all/today)",
                    r.sqlRatio() >= 100,
                    ">= 100");
        }
    }

    private static void scoring(PrintWriter out, String what, TrendingBench.Scoring s, String note) {
        line(out, what, s.perSecond(), "events/s", s.perSecond() >= 2_000_000, ">= 2,000,000 on one thread");
        out.printf(
                Locale.ROOT, "  (%s) per CPU-second of the recording thread: %,.0f events/s%n", note, s.perCpuSecond());
        out.printf(Locale.ROOT, "  outcomes: %s%n", s.outcomes());
    }

    private static void line(PrintWriter out, String what, double value, String unit, boolean met, String target) {
        out.printf(Locale.ROOT, "%-20s%,13.0f %s   target %s: %s%n", what, value, unit, target, met ? "met" : "MISSED");
    }

    private static void latency(PrintWriter out, String what, TrendingBench.Latency l, boolean target) {
        out.printf(
                Locale.ROOT,
                "%-20s p50 %6.1f us, p99 %6.1f us, p99.9 %7.1f us, max %8.1f us%s%n",
                what,
                l.p50(),
                l.p99(),
                l.p999(),
                l.max(),
                target ? "   target p99 < 100 us: " + (l.p99() < 100 ? "met" : "MISSED") : "");
    }
}
