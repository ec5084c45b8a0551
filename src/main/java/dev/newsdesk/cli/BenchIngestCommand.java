package dev.newsdesk.cli;

import dev.newsdesk.bench.IngestBench;
import dev.newsdesk.ingest.Readers;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk bench-ingest}: ingestion throughput next to jsoup's own parse speed, in one run. */
@Command(
        name = "bench-ingest",
        mixinStandardHelpOptions = true,
        description = "Measure HTML extraction and WXR reading in MB/s next to jsoup's parse speed on the same HTML"
                + " (synthetic inputs built in memory).")
final class BenchIngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pages", defaultValue = "120", description = "Distinct HTML pages (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--posts", defaultValue = "3000", description = "WXR items (default: ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--warmups", defaultValue = "5", description = "Uncounted iterations (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(
            names = "--iterations",
            defaultValue = "10",
            description = "Counted iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the synthetic text (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--verbose", description = "Print every iteration on standard error.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var options = new IngestBench.Options(pages, posts, warmups, iterations, seed);
        IngestBench.Result r = IngestBench.run(options, Readers.withDefaults(), line -> {
            if (verbose) {
                err.println(line);
                err.flush();
            }
        });
        o.printf(
                Locale.ROOT,
                "ingest throughput: %d cores, Java %s, %d warm-up + %d counted iterations%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().feature(),
                warmups,
                iterations);
        o.printf(Locale.ROOT, "%-28s %12s %12s %20s%n", "operation", "MB/iteration", "median MB/s", "min..max MB/s");
        for (IngestBench.Measure m : new IngestBench.Measure[] {r.jsoupParse(), r.htmlExtraction(), r.wxrReading()}) {
            o.printf(
                    Locale.ROOT,
                    "%-28s %12.1f %12.1f %20s%n",
                    m.name(),
                    m.bytesPerIteration() / 1e6,
                    m.median(),
                    String.format(Locale.ROOT, "%.1f..%.1f", m.min(), m.max()));
        }
        o.printf(
                Locale.ROOT,
                "median of per-iteration ratios: html extraction / jsoup parse = %.2f; wxr reading / jsoup parse = %.2f"
                        + " (%d articles per iteration)%n",
                r.htmlToJsoup(),
                r.wxrToJsoup(),
                r.articles());
        return Main.OK;
    }
}
