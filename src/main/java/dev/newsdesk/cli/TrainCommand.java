package dev.newsdesk.cli;

import dev.newsdesk.classify.FeaturizerSettings;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.training.Reports;
import dev.newsdesk.training.Trainer;
import dev.newsdesk.training.TrainingOptions;
import dev.newsdesk.training.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsdesk train}: corpus in, model file and reports out. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a model on a labelled corpus (a directory of JSONL/CSV files, or one file).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "PATH", description = "Corpus directory or file.")
    Path corpus;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "model.ndm",
            description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--report",
            paramLabel = "PREFIX",
            description = "Report prefix; writes PREFIX.json and PREFIX.html (default: next to the model).")
    Path report;

    @Option(
            names = "--algorithm",
            defaultValue = "auto",
            description = "auto, logreg or maxent (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--lambda", split = ",", paramLabel = "L", description = "L2 strengths to try (default: 0.5,2).")
    List<Double> lambdas;

    @Option(
            names = "--folds",
            defaultValue = "5",
            description = "Cross-validation folds, 0 for none (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(
            names = "--group-by",
            paramLabel = "FIELD",
            description = "Keep each value of FIELD in one fold (e.g. outlet).")
    String groupBy;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed for fold assignment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--min-confidence",
            defaultValue = "0.6",
            description = "Default review threshold stored in the card (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(
            names = "--max-iterations",
            defaultValue = "300",
            description = "L-BFGS iteration cap (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--no-balance", description = "Do not weight rare labels up.")
    boolean noBalance;

    @Option(
            names = "--hash-bits",
            defaultValue = "18",
            description = "Feature space of 2^N dimensions (default: ${DEFAULT-VALUE}).")
    int hashBits;

    @Option(names = "--no-stem", description = "Use words as written, without Porter stemming.")
    boolean noStem;

    @Option(names = "--bigrams", description = "Add word pairs to the single words.")
    boolean bigrams;

    @Option(names = "--no-cues", description = "Leave out the genre cue features.")
    boolean noCues;

    @Option(
            names = "--cue-weight",
            defaultValue = "0.25",
            description = "Value of each genre cue feature next to the unit-length words (default: ${DEFAULT-VALUE}).")
    float cueWeight;

    @Option(names = "--mask-names", description = "Read capitalised words inside sentences as one <name> token.")
    boolean maskNames;

    @Option(
            names = "--no-quotes",
            description = "Read words inside quotation marks like the rest, not as a quoted source's own.")
    boolean noQuotes;

    @Option(names = "--no-short-views", description = "Do not also learn from each article's title and lede alone.")
    boolean noShortViews;

    @Option(
            names = "--min-df",
            defaultValue = "2",
            description = "Drop terms in fewer training documents (default: ${DEFAULT-VALUE}).")
    int minDf;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeaturizerSettings d = FeaturizerSettings.DEFAULT;
        FeaturizerSettings fs = new FeaturizerSettings(
                hashBits, bigrams, d.titleTerms(), !noStem, !noCues, cueWeight, minDf, false, maskNames, !noQuotes);
        List<Double> ls = lambdas == null ? TrainingOptions.DEFAULT.lambdas() : lambdas;
        if (folds == 0 && lambdas == null) {
            ls = List.of(ls.getFirst());
        }
        TrainingOptions options = new TrainingOptions(
                folds == 0 && algorithm.equals("auto") ? "logreg" : algorithm,
                ls,
                folds,
                groupBy,
                seed,
                maxIterations,
                !noBalance,
                folds >= 2,
                fs,
                minConfidence,
                !noShortViews);
        List<Article> docs = Readers.withDefaults().readCorpus(corpus);
        err.println("read " + docs.size() + " documents from " + corpus);
        long start = System.nanoTime();
        TrainingResult result = new Trainer(Clock.systemUTC()).train(docs, options, Progress.on(err));
        ModelCard card = ModelFile.write(out, result.card(), result.model());
        double seconds = (System.nanoTime() - start) / 1e9;
        o.printf(Locale.ROOT, "model %s written to %s (%s, %.1f s)%n", card.version(), out, card.algorithm(), seconds);
        if (card.metrics() != null) {
            Path prefix = report != null ? report : out.resolveSibling(stem(out) + ".report");
            List<Path> written = Reports.write(prefix, card, card.metrics());
            o.printf(
                    Locale.ROOT,
                    "%s: macro-F1 %.4f, accuracy %.4f, calibration error %.4f%n",
                    card.metrics().evaluatedOn(),
                    card.metrics().macroF1(),
                    card.metrics().accuracy(),
                    card.metrics().calibrationError());
            o.println("reports: " + written.get(0) + ", " + written.get(1));
        }
        o.println("weights sha256 " + card.payloadSha256());
        return Main.OK;
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
