package dev.newsdesk.training;

import dev.newsdesk.classify.Featurizer;
import dev.newsdesk.classify.LinearModel;
import dev.newsdesk.classify.Metrics;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelFile;
import dev.newsdesk.classify.SparseVector;
import dev.newsdesk.ingest.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Corpus in, model out: validates the corpus, featurises it once, cross-validates each candidate learner (folds
 * grouped by a field when asked), keeps the best by macro-F1, calibrates a softmax temperature on the held-out
 * predictions, then fits the winner on everything.
 */
public final class Trainer {

    /** Fewest examples a label may have. */
    public static final int MIN_PER_LABEL = 5;

    private final Clock clock;

    public Trainer(Clock clock) {
        this.clock = clock;
    }

    public TrainingResult train(List<Article> docs, TrainingOptions options, TrainingProgress progress) {
        List<String> labels = labelsOf(docs);
        int n = docs.size();
        int k = labels.size();
        // rows 0..n-1 are the documents; after them come their short views, each remembering its source document
        List<Article> rows = new ArrayList<>(docs);
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(i);
        }
        if (options.shortViews()) {
            for (int i = 0; i < n; i++) {
                Article a = docs.get(i);
                String lede = lede(a.body());
                if (lede.length() < a.body().length()) {
                    rows.add(new Article(
                            a.id() + "#lede",
                            a.title(),
                            lede,
                            null,
                            null,
                            null,
                            List.of(),
                            null,
                            a.label(),
                            java.util.Map.of()));
                    sources.add(i);
                }
            }
        }
        int m = rows.size();
        int[] source = sources.stream().mapToInt(Integer::intValue).toArray();
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = labels.indexOf(rows.get(i).label());
        }
        int[] docY = java.util.Arrays.copyOf(y, n);
        Featurizer featurizer = new Featurizer(options.featurizer());
        Featurizer.TermCounts[] counts = new Featurizer.TermCounts[m];
        int[] done = new int[1];
        IntStream.range(0, m).parallel().forEach(i -> {
            Article a = rows.get(i);
            counts[i] = featurizer.count(a.title(), a.body());
            synchronized (done) {
                if (++done[0] % 200 == 0 || done[0] == m) {
                    progress.step("featurise", done[0], m);
                }
            }
        });

        List<SmileLearner.Candidate> candidates = candidates(options);
        SmileLearner.Candidate best = candidates.getFirst();
        Map<String, Double> scores = new LinkedHashMap<>();
        Metrics metrics = null;
        double temperature = 1.0;
        if (options.folds() >= 2) {
            int[] docFold = Folds.assign(docs, docY, options.folds(), options.groupBy(), options.seed());
            int[] fold = IntStream.range(0, m).map(i -> docFold[source[i]]).toArray();
            double bestF1 = -1;
            double[][] bestOof = null;
            int step = 0;
            int steps = candidates.size() * options.folds();
            for (SmileLearner.Candidate c : candidates) {
                double[][] oof = new double[n][];
                for (int f = 0; f < options.folds(); f++) {
                    int ff = f;
                    int[] trainRows =
                            IntStream.range(0, m).filter(i -> fold[i] != ff).toArray();
                    int[] testRows =
                            IntStream.range(0, n).filter(i -> fold[i] == ff).toArray();
                    LinearModel foldModel = SmileLearner.fit(
                            c,
                            options.featurizer(),
                            labels,
                            counts,
                            y,
                            balanced(trainRows, y, k, options.balance()),
                            trainRows,
                            options.maxIterations());
                    Featurizer weigher = new Featurizer(foldModel.featurizer());
                    for (int i : testRows) {
                        SparseVector x = weigher.weigh(counts[i], foldModel::idfOf);
                        oof[i] = foldModel.scores(x);
                    }
                    progress.step("cross-validate", ++step, steps);
                }
                double f1 =
                        Evaluator.evaluate(labels, docY, softmax(oof, 1.0), "").macroF1();
                scores.put(c.describe(), f1);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    best = c;
                    bestOof = oof;
                }
            }
            temperature = options.calibrate() ? fitTemperature(bestOof, docY) : 1.0;
            String how = options.folds() + "-fold cross-validation"
                    + (options.groupBy() == null ? ", stratified by label" : ", grouped by " + options.groupBy());
            metrics = Evaluator.evaluate(labels, docY, softmax(bestOof, temperature), how);
        }
        int[] all = IntStream.range(0, m).toArray();
        progress.step("fit", 0, 1);
        LinearModel fitted = SmileLearner.fit(
                best,
                options.featurizer(),
                labels,
                counts,
                y,
                balanced(all, y, k, options.balance()),
                all,
                options.maxIterations());
        progress.step("fit", 1, 1);
        LinearModel model = new LinearModel(
                fitted.featurizer(), fitted.labels(), fitted.table(), fitted.bias(), (float) temperature);

        Map<String, Integer> labelCounts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            labelCounts.merge(labels.get(y[i]), 1, Integer::sum);
        }
        String corpusSha = corpusSha256(docs);
        Instant now = clock.instant();
        String version = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(now) + "-" + corpusSha.substring(0, 8);
        Map<String, String> libs = new LinkedHashMap<>();
        libs.put("java", Runtime.version().toString());
        libs.put(
                "smile",
                Versions.of("com.github.haifengl", "smile-core", smile.classification.SparseLogisticRegression.class));
        libs.put(
                "opennlp",
                Versions.of("org.apache.opennlp", "opennlp-tools", opennlp.tools.stemmer.PorterStemmer.class));
        ModelCard card = new ModelCard(
                ModelFile.FORMAT_VERSION,
                version,
                now,
                labels,
                best.describe(),
                options.asMap(),
                model.featurizer(),
                options.seed(),
                corpusSha,
                n,
                labelCounts,
                metrics,
                scores,
                temperature,
                libs,
                null);
        return new TrainingResult(card, model);
    }

    /**
     * Cross-validation fold of each document (grouped by {@code groupBy} when not null, else stratified by label),
     * the same assignment {@link #train} uses, so a benchmark can train a peer on identical folds.
     */
    public static int[] assignFolds(List<Article> docs, int folds, String groupBy, long seed) {
        List<String> labels = labelsOf(docs);
        int[] y = docs.stream().mapToInt(a -> labels.indexOf(a.label())).toArray();
        return Folds.assign(docs, y, folds, groupBy, seed);
    }

    /** Words of the lede a short view keeps. */
    public static final int LEDE_WORDS = 40;

    /** The first {@link #LEDE_WORDS} words of a body, whole words only. */
    static String lede(String body) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < body.length(); i++) {
            boolean visible = !Character.isWhitespace(body.charAt(i));
            if (visible && !inWord && ++words > LEDE_WORDS) {
                return body.substring(0, i).strip();
            }
            inWord = visible;
        }
        return body;
    }

    /** Labels in sorted order, after checking the corpus can make a classifier. */
    public static List<String> labelsOf(List<Article> docs) {
        if (docs.isEmpty()) {
            throw new TrainingException("the corpus is empty");
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Article a : docs) {
            if (a.label() == null || a.label().isBlank()) {
                throw new TrainingException("document '" + a.id() + "' has no label; every training record needs one");
            }
            counts.merge(a.label(), 1, Integer::sum);
        }
        if (counts.size() < 2) {
            throw new TrainingException("the corpus has one label ('"
                    + counts.keySet().iterator().next() + "'); a classifier needs at least two");
        }
        counts.forEach((label, c) -> {
            if (c < MIN_PER_LABEL) {
                throw new TrainingException("label '" + label + "' has " + c + " example" + (c == 1 ? "" : "s")
                        + "; each label needs at least " + MIN_PER_LABEL);
            }
        });
        return List.copyOf(counts.keySet());
    }

    private static List<SmileLearner.Candidate> candidates(TrainingOptions o) {
        List<SmileLearner.Candidate> out = new ArrayList<>();
        List<String> algorithms = o.algorithm().equals("auto") ? List.of("logreg", "maxent") : List.of(o.algorithm());
        for (String a : algorithms) {
            for (double l : o.lambdas()) {
                out.add(new SmileLearner.Candidate(a, l));
            }
        }
        return out;
    }

    /** Rows with rarer labels repeated so each label's total weight is about that of the largest. */
    static int[] balanced(int[] rows, int[] y, int k, boolean balance) {
        if (!balance) {
            return rows;
        }
        int[] count = new int[k];
        for (int i : rows) {
            count[y[i]]++;
        }
        int max = 0;
        for (int c : count) {
            max = Math.max(max, c);
        }
        int[] times = new int[k];
        int total = 0;
        for (int c = 0; c < k; c++) {
            times[c] = count[c] == 0 ? 0 : Math.max(1, (int) Math.round((double) max / count[c]));
            total += times[c] * count[c];
        }
        int[] out = new int[total];
        int o = 0;
        for (int i : rows) {
            for (int t = 0; t < times[y[i]]; t++) {
                out[o++] = i;
            }
        }
        return out;
    }

    static double[][] softmax(double[][] scores, double t) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            double[] s = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, v);
            }
            double sum = 0;
            p[i] = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                p[i][c] = Math.exp((s[c] - max) / t);
                sum += p[i][c];
            }
            for (int c = 0; c < s.length; c++) {
                p[i][c] /= sum;
            }
        }
        return p;
    }

    /** The temperature that minimises the negative log-likelihood of held-out predictions (grid 0.2 to 5). */
    static double fitTemperature(double[][] scores, int[] y) {
        double best = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int s = 0; s <= 64; s++) {
            double t = 0.2 * Math.pow(25, s / 64.0);
            double[][] p = softmax(scores, t);
            double nll = 0;
            for (int i = 0; i < y.length; i++) {
                nll -= Math.log(Math.max(1e-12, p[i][y[i]]));
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return Math.round(best * 1000) / 1000.0;
    }

    static String corpusSha256(List<Article> docs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Article a : docs) {
                md.update(a.title().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(a.body().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(a.label().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
