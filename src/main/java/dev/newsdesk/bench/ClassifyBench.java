package dev.newsdesk.bench;

import dev.newsdesk.classify.Classifier;
import dev.newsdesk.classify.ClassifierOptions;
import dev.newsdesk.classify.LoadedModel;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.training.Evaluator;
import dev.newsdesk.training.Trainer;
import dev.newsdesk.training.TrainingOptions;
import dev.newsdesk.training.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Newsdesk's classifier against OpenNLP's document categoriser (maxent, bag of words + bigrams, 100 iterations,
 * cutoff 2) in one run: macro-F1 on the same cross-validation folds, single-thread classify throughput on the same
 * texts, training wall time on the whole corpus, model load time and file size.
 */
public final class ClassifyBench {

    /** What to run. */
    public record Options(
            Path corpus, int folds, String groupBy, long seed, double lambda, int passes, boolean quality) {}

    private final PrintWriter out;

    public ClassifyBench(PrintWriter out) {
        this.out = out;
    }

    public void run(List<Article> docs, Options o) throws IOException {
        List<String> labels = Trainer.labelsOf(docs);
        out.printf(
                Locale.ROOT,
                "corpus %s: %d articles, labels %s, mean %d characters; %d cores, Java %s%n",
                o.corpus(),
                docs.size(),
                labels,
                (int) docs.stream().mapToInt(a -> a.body().length()).average().orElse(0),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        TrainingOptions newsdesk = TrainingOptions.DEFAULT.with("logreg", List.of(o.lambda()), 0, null, o.seed());
        Trainer trainer = new Trainer(Clock.systemUTC());
        double ndF1 = Double.NaN;
        double ocF1 = Double.NaN;
        if (o.quality()) {
            int[] fold = Trainer.assignFolds(docs, o.folds(), o.groupBy(), o.seed());
            int[] truth = docs.stream().mapToInt(a -> labels.indexOf(a.label())).toArray();
            double[][] nd = new double[docs.size()][];
            double[][] oc = new double[docs.size()][];
            for (int f = 0; f < o.folds(); f++) {
                List<Article> train = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < docs.size(); i++) {
                    if (fold[i] == f) {
                        test.add(i);
                    } else {
                        train.add(docs.get(i));
                    }
                }
                var r = trainer.train(train, newsdesk, TrainingProgress.NONE);
                Classifier c = new Classifier(new LoadedModel(r.card(), r.model()), ClassifierOptions.DEFAULT);
                DocumentCategorizerME doccat = new DocumentCategorizerME(trainDoccat(train));
                for (int i : test) {
                    Article a = docs.get(i);
                    var p = c.classify(a.title(), a.body(), false);
                    nd[i] = labels.stream()
                            .mapToDouble(l -> p.probabilities().get(l))
                            .toArray();
                    double[] q = doccat.categorize(tokens(a));
                    oc[i] = labels.stream()
                            .mapToDouble(l -> q[doccat.getIndex(l)])
                            .toArray();
                }
                out.printf(Locale.ROOT, "fold %d/%d done (%d test articles)%n", f + 1, o.folds(), test.size());
                out.flush();
            }
            String how = o.folds() + "-fold CV" + (o.groupBy() == null ? "" : " grouped by " + o.groupBy());
            var ndm = Evaluator.evaluate(labels, truth, nd, how);
            var ocm = Evaluator.evaluate(labels, truth, oc, how);
            ndF1 = ndm.macroF1();
            ocF1 = ocm.macroF1();
            out.printf(
                    Locale.ROOT,
                    "quality (%s): newsdesk macro-F1 %.4f (ECE %.4f) | opennlp doccat macro-F1 %.4f (ECE %.4f) | difference %+.1f points%n",
                    how,
                    ndF1,
                    ndm.calibrationError(),
                    ocF1,
                    ocm.calibrationError(),
                    (ndF1 - ocF1) * 100);
            for (String l : labels) {
                out.printf(
                        Locale.ROOT,
                        "  %-8s F1 newsdesk %.4f  doccat %.4f%n",
                        l,
                        ndm.perLabel().get(l).f1(),
                        ocm.perLabel().get(l).f1());
            }
        }

        // Training on everything, wall clock: Newsdesk (featurise + Smile fit, as 'train --folds 0' does) and doccat.
        long t0 = System.nanoTime();
        var full = trainer.train(docs, newsdesk, TrainingProgress.NONE);
        double ndTrain = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        DoccatModel doccatModel = trainDoccat(docs);
        double ocTrain = (System.nanoTime() - t0) / 1e9;
        out.printf(
                Locale.ROOT,
                "training on all %d articles: newsdesk %.2f s | doccat %.2f s | ratio %.1fx%n",
                docs.size(),
                ndTrain,
                ocTrain,
                ocTrain / ndTrain);

        Path dir = Files.createTempDirectory("newsdesk-bench");
        Path file = dir.resolve("bench.ndm");
        ModelCard card = ModelFile.write(file, full.card(), full.model());
        long[] loads = new long[7];
        LoadedModel loaded = null;
        for (int i = 0; i < loads.length; i++) {
            long s = System.nanoTime();
            loaded = ModelFile.load(file);
            loads[i] = System.nanoTime() - s;
        }
        Arrays.sort(loads);
        out.printf(
                Locale.ROOT,
                "model file %.1f MB (%s); load median %.0f ms, max %.0f ms over %d loads%n",
                Files.size(file) / 1e6,
                card.algorithm(),
                loads[loads.length / 2] / 1e6,
                loads[loads.length - 1] / 1e6,
                loads.length);

        // Single-thread throughput from raw text to label, same texts, warm-up pass first.
        Classifier classifier = new Classifier(loaded, ClassifierOptions.DEFAULT);
        out.println("newsdesk scoring path: " + classifier.scoringPath());
        DocumentCategorizerME doccat = new DocumentCategorizerME(doccatModel);
        double fast = throughput(docs, o.passes(), a -> classifier.predictIndex(a.title(), a.body()));
        double explained = throughput(
                docs,
                o.passes(),
                a -> classifier.classify(a.title(), a.body(), true).label().length());
        double peer = throughput(docs, 1, a -> doccat.getBestCategory(doccat.categorize(tokens(a)))
                .length());
        out.printf(
                Locale.ROOT,
                "classify throughput, one thread: newsdesk %.0f articles/s (with evidence %.0f/s) | doccat %.0f articles/s | ratio %.1fx (%.1fx with evidence)%n",
                fast,
                explained,
                peer,
                fast / peer,
                explained / peer);
        out.println("summary: macro-F1 newsdesk " + fmt(ndF1) + " doccat " + fmt(ocF1) + "; throughput ratio "
                + fmt(fast / peer) + "x; train " + fmt(ndTrain) + " s; load " + fmt(loads[loads.length / 2] / 1e6)
                + " ms; model " + fmt(Files.size(file) / 1e6) + " MB");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
        out.flush();
    }

    private interface Work {
        int apply(Article a);
    }

    private double throughput(List<Article> docs, int passes, Work work) {
        int sink = 0;
        for (Article a : docs) {
            sink += work.apply(a);
        }
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (Article a : docs) {
                sink += work.apply(a);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == 42) {
            out.print("");
        }
        return docs.size() * (double) passes / seconds;
    }

    private static String[] tokens(Article a) {
        return SimpleTokenizer.INSTANCE.tokenize(a.title() + "\n" + a.body());
    }

    private static DoccatModel trainDoccat(List<Article> train) throws IOException {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        List<DocumentSample> samples = train.stream()
                .map(a -> new DocumentSample(a.label(), tokens(a)))
                .toList();
        DoccatFactory factory = new DoccatFactory(
                new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), params, factory);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
