package dev.newsdesk.bench;

import dev.newsdesk.ingest.Format;
import dev.newsdesk.ingest.InputHint;
import dev.newsdesk.ingest.Readers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.Jsoup;

/**
 * Ingestion throughput on synthetic inputs built in memory: HTML article extraction and WXR reading in MB/s, next to
 * jsoup's own {@code Jsoup.parse} on the same HTML, measured in the same run and interleaved, so the ratios hold on
 * whatever machine runs it.
 */
public final class IngestBench {

    /**
     * What to measure.
     *
     * @param htmlPages distinct article pages (about 36 KB each) parsed per iteration
     * @param wxrPosts items in the WXR export read per iteration (about 7 KB each)
     * @param warmups iterations run first and not counted, so the JIT has compiled the hot paths
     * @param iterations iterations counted
     * @param seed seed of the synthetic text
     */
    public record Options(int htmlPages, int wxrPosts, int warmups, int iterations, long seed) {

        public static final Options DEFAULT = new Options(120, 3000, 5, 10, 42);

        public Options {
            if (htmlPages < 1 || wxrPosts < 1 || warmups < 0 || iterations < 1) {
                throw new IllegalArgumentException("need at least one page, one post and one counted iteration");
            }
        }
    }

    /** One measured operation: its input size per iteration and the throughput of each counted iteration. */
    public record Measure(String name, long bytesPerIteration, List<Double> mbPerSecond) {

        public Measure {
            mbPerSecond = List.copyOf(mbPerSecond);
        }

        public double median() {
            List<Double> s = mbPerSecond.stream().sorted().toList();
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }

        public double min() {
            return mbPerSecond.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        public double max() {
            return mbPerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /**
     * The run's figures.
     *
     * @param articles articles the readers returned in one iteration (a check that they did the work)
     */
    public record Result(
            Options options, Measure jsoupParse, Measure htmlExtraction, Measure wxrReading, long articles) {

        /** Median over iterations of HTML extraction MB/s over jsoup parse MB/s measured in the same iteration. */
        public double htmlToJsoup() {
            return medianRatio(htmlExtraction, jsoupParse);
        }

        /** Median over iterations of WXR reading MB/s over jsoup parse MB/s measured in the same iteration. */
        public double wxrToJsoup() {
            return medianRatio(wxrReading, jsoupParse);
        }

        private static double medianRatio(Measure a, Measure b) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < a.mbPerSecond().size(); i++) {
                ratios.add(a.mbPerSecond().get(i) / b.mbPerSecond().get(i));
            }
            return new Measure("ratio", 0, ratios).median();
        }
    }

    private IngestBench() {}

    /** Builds the inputs, then runs warm-up and counted iterations; {@code log} hears each iteration. */
    public static Result run(Options o, Readers readers, Consumer<String> log) {
        SyntheticInputs inputs = new SyntheticInputs(o.seed());
        List<byte[]> pages = inputs.htmlPages(o.htmlPages());
        byte[] wxr = inputs.wxr(o.wxrPosts());
        long htmlBytes = pages.stream().mapToLong(p -> p.length).sum();

        List<Double> jsoup = new ArrayList<>();
        List<Double> html = new ArrayList<>();
        List<Double> wxrRates = new ArrayList<>();
        long articles = 0;
        for (int i = 0; i < o.warmups() + o.iterations(); i++) {
            boolean counted = i >= o.warmups();
            long[] found = {0};
            long nodes = 0;
            // page by page, jsoup then extraction, so that load from other processes falls on both alike
            long jsoupNanos = 0;
            long htmlNanos = 0;
            for (byte[] p : pages) {
                long t0 = System.nanoTime();
                nodes += parse(p);
                long t1 = System.nanoTime();
                readers.read(new ByteArrayInputStream(p), new InputHint("page", null, Format.HTML), a -> found[0]++);
                long t2 = System.nanoTime();
                jsoupNanos += t1 - t0;
                htmlNanos += t2 - t1;
            }
            double j = htmlBytes / 1e6 / (jsoupNanos / 1e9);
            double h = htmlBytes / 1e6 / (htmlNanos / 1e9);
            double w = rate(
                    wxr.length,
                    () -> readers.read(
                            new ByteArrayInputStream(wxr),
                            new InputHint("export.xml", null, Format.WXR),
                            a -> found[0]++));
            if (counted) {
                jsoup.add(j);
                html.add(h);
                wxrRates.add(w);
                articles = found[0];
            }
            if (nodes == 0) {
                throw new IllegalStateException("jsoup parsed nothing"); // also keeps the parse results in use
            }
            log.accept(String.format(
                    java.util.Locale.ROOT,
                    "%s %d: jsoup %.1f, html %.1f, wxr %.1f MB/s",
                    counted ? "iteration" : "warm-up",
                    counted ? i - o.warmups() + 1 : i + 1,
                    j,
                    h,
                    w));
        }
        return new Result(
                o,
                new Measure("jsoup parse", htmlBytes, jsoup),
                new Measure("html extraction", htmlBytes, html),
                new Measure("wxr reading", wxr.length, wxrRates),
                articles);
    }

    // jsoup's own entry point on the bytes, charset given, as a site's pages would reach it
    private static int parse(byte[] page) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page), "UTF-8", "").childNodeSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double rate(long bytes, Runnable work) {
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return bytes / 1e6 / seconds;
    }
}
