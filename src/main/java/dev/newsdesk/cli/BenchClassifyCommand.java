package dev.newsdesk.cli;

import dev.newsdesk.bench.ClassifyBench;
import dev.newsdesk.ingest.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk bench-classify}: Newsdesk against OpenNLP doccat, quality and speed, in one run. */
@Command(
        name = "bench-classify",
        mixinStandardHelpOptions = true,
        description = "Benchmark the classifier against OpenNLP's document categoriser.")
final class BenchClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--corpus",
            defaultValue = "../shared/corpora/allsides-dev.jsonl",
            description = "Labelled corpus (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(
            names = "--group-by",
            defaultValue = "outlet",
            description = "Fold grouping field, '' for none (default: ${DEFAULT-VALUE}).")
    String groupBy;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(
            names = "--lambda",
            defaultValue = "0.5",
            description = "Newsdesk's L2 strength (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(
            names = "--passes",
            defaultValue = "3",
            description = "Timed passes over the corpus for throughput (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--skip-quality", description = "Only speed, size and load time.")
    boolean skipQuality;

    @Override
    public Integer call() throws IOException {
        var docs = Readers.withDefaults().readCorpus(corpus);
        new ClassifyBench(spec.commandLine().getOut())
                .run(
                        docs,
                        new ClassifyBench.Options(
                                corpus, folds, groupBy.isBlank() ? null : groupBy, seed, lambda, passes, !skipQuality));
        return Main.OK;
    }
}
